"""The practices page's filter choices, built in Python (``practices.templatetags.practices``): the
chosen ones marked, every value and label escaped."""

from practices.templatetags.practices import filter_checks, filter_options


def test_options_mark_the_selected_value_and_escape_labels():
    html = filter_options([("a", "Alpha"), ("b<", 'Beta "&" <b>'), (2005, 2005)], "b<")
    assert html == (
        '<option value="a">Alpha</option>\n'
        '<option value="b&lt;" selected>Beta &quot;&amp;&quot; &lt;b&gt;</option>\n'
        '<option value="2005">2005</option>'
    )
    assert 'value="2005" selected' in filter_options([(2005, 2005)], "2005")


def test_check_boxes_check_every_selected_value_and_label_each_box():
    html = filter_checks("cycle", [(2005, 2005), (2006, 2006), (2007, "<2007>")], ["2005", "2007"])
    assert html == (
        '<div class="krds-form-check"><input type="checkbox" name="cycle" id="id_cycle_2005" value="2005" checked>'
        '<label for="id_cycle_2005">2005</label></div>\n'
        '<div class="krds-form-check"><input type="checkbox" name="cycle" id="id_cycle_2006" value="2006">'
        '<label for="id_cycle_2006">2006</label></div>\n'
        '<div class="krds-form-check"><input type="checkbox" name="cycle" id="id_cycle_2007" value="2007" checked>'
        '<label for="id_cycle_2007">&lt;2007&gt;</label></div>'
    )
