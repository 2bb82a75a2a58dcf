// Site-wide behaviour on KRDS markup: the mobile main menu (krds-main-menu-mobile), filter panels that
// fold away on small screens (krds-disclosure) and the "scroll sideways" cue of wide tables.
(function () {
  "use strict";

  var MOBILE = window.matchMedia("(max-width: 1023px)"); // KRDS's own breakpoint for the mobile menu

  // The mobile main menu: a modal drawer. While it is open the rest of the page is inert, Tab cycles
  // inside it and Escape, the close button or a tap on the backdrop closes it.
  function mobileMenu() {
    var drawer = document.getElementById("mobile-nav");
    var opener = document.querySelector('[aria-controls="mobile-nav"]');
    if (!drawer || !opener) {
      return;
    }
    var panel = drawer.querySelector(".gnb-wrap");
    var closer = drawer.querySelector("#close-nav");
    var hideTimer = null;

    function outside() {
      var header = document.getElementById("krds-header");
      var elements = Array.prototype.filter.call(document.body.children, function (element) {
        return element !== header && element.tagName !== "SCRIPT";
      });
      return elements.concat(Array.prototype.slice.call(header.querySelectorAll(".header-in")));
    }

    function focusable() {
      return Array.prototype.filter.call(
        panel.querySelectorAll("a[href], button:not([disabled]), input:not([type=hidden]), select, textarea, [tabindex='0']"),
        function (element) {
          return element.offsetParent !== null;
        }
      );
    }

    function open() {
      window.clearTimeout(hideTimer);
      drawer.hidden = false;
      void drawer.offsetWidth; // let the closed position render first so that the drawer slides in
      drawer.classList.add("is-backdrop", "is-open");
      document.body.classList.add("is-gnb-mobile");
      opener.setAttribute("aria-expanded", "true");
      outside().forEach(function (element) {
        element.setAttribute("inert", "");
      });
      var first = focusable()[0];
      (first || panel).focus();
    }

    function close(returnFocus) {
      if (drawer.hidden) {
        return;
      }
      drawer.classList.remove("is-backdrop", "is-open");
      document.body.classList.remove("is-gnb-mobile");
      opener.setAttribute("aria-expanded", "false");
      outside().forEach(function (element) {
        element.removeAttribute("inert");
      });
      hideTimer = window.setTimeout(function () {
        drawer.hidden = true;
      }, 400);
      if (returnFocus !== false) {
        opener.focus();
      }
    }

    opener.addEventListener("click", function () {
      if (opener.getAttribute("aria-expanded") === "true") {
        close();
      } else {
        open();
      }
    });
    closer.addEventListener("click", function () {
      close();
    });
    drawer.addEventListener("click", function (event) {
      if (!event.target.closest(".gnb-wrap")) {
        close();
      }
    });
    drawer.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        close();
        return;
      }
      if (event.key !== "Tab") {
        return;
      }
      var items = focusable();
      if (!items.length) {
        event.preventDefault();
        return;
      }
      var first = items[0];
      var last = items[items.length - 1];
      if (event.shiftKey && (document.activeElement === first || document.activeElement === panel)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    });
    MOBILE.addEventListener("change", function (event) {
      if (!event.matches) {
        close(false);
      }
    });
    // Leaving from the menu (a link, the language switch, log out) closes it first, before any other
    // script sees the event: a dialog that then asks about unsaved changes must not open on an inert page.
    ["click", "submit"].forEach(function (type) {
      window.addEventListener(
        type,
        function (event) {
          if (drawer.hidden || !drawer.contains(event.target)) {
            return;
          }
          if (type === "submit" || event.target.closest("a[href]")) {
            close(false);
          }
        },
        true
      );
    });
  }

  // Filter panels (KRDS disclosure): folded on small screens so that the results come first, open on
  // wide screens where the toggle is hidden. A panel showing errors starts open.
  function disclosures() {
    document.querySelectorAll(".krds-disclosure[data-fold-on-mobile]").forEach(function (disclosure) {
      var button = disclosure.querySelector(".btn-conts-expand");
      var content = document.getElementById(button.getAttribute("aria-controls"));
      if (!content) {
        return;
      }
      function set(expanded) {
        button.setAttribute("aria-expanded", expanded ? "true" : "false");
        disclosure.classList.toggle("active", expanded);
        content.hidden = !expanded;
      }
      function apply() {
        if (MOBILE.matches) {
          set(disclosure.hasAttribute("data-open"));
        } else {
          set(true);
        }
      }
      button.addEventListener("click", function () {
        var expanded = button.getAttribute("aria-expanded") !== "true";
        if (expanded) {
          disclosure.setAttribute("data-open", "");
        } else {
          disclosure.removeAttribute("data-open");
        }
        set(expanded);
      });
      MOBILE.addEventListener("change", apply);
      apply();
    });
  }

  // Wide tables scroll inside their region; the cue shows only while there is more to the side.
  // Every region is measured before any class changes: measuring after a change would lay the whole
  // page out again, once per table (the dashboard has a dozen, and a phone felt each one).
  function scrollCues() {
    var regions = Array.prototype.slice.call(document.querySelectorAll(".table-scroll"));
    function measure(region) {
      return {
        wrapper: region.parentElement,
        more: region.scrollWidth - region.clientWidth > 1,
        atEnd: region.scrollLeft + region.clientWidth >= region.scrollWidth - 1,
      };
    }
    function show(state) {
      if (state.wrapper && state.wrapper.classList.contains("table-scroll-wrap")) {
        state.wrapper.classList.toggle("is-scrollable", state.more);
        state.wrapper.classList.toggle("is-at-end", state.atEnd);
      }
    }
    function update(elements) {
      elements.map(measure).forEach(show);
    }
    regions.forEach(function (region) {
      region.addEventListener("scroll", function () {
        update([region]);
      }, { passive: true });
    });
    if ("ResizeObserver" in window) {
      // Its first report of each region comes after the first layout, so the page is measured once.
      var observer = new ResizeObserver(function (entries) {
        update(entries.map(function (entry) {
          return entry.target;
        }));
      });
      regions.forEach(function (region) {
        observer.observe(region);
      });
    } else {
      update(regions);
    }
  }

  function init() {
    mobileMenu();
    disclosures();
    scrollCues();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
