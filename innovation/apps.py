from django.apps import AppConfig


class InnovationConfig(AppConfig):
    """The project package: wiring only (no models); hosts the project-wide ``load_demo`` command."""

    name = "innovation"
    verbose_name = "Innovation awards (project)"

    def ready(self):
        from . import permissions  # noqa: F401  (registers the project's rules)
