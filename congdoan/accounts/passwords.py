"""Password policy messages in Vietnamese.

Django's Vietnamese catalog lacks the minimum-length messages, so the validator says them
through this app's catalog.
"""

from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "This password is too short: it must have at least %(min_length)d character.",
            "This password is too short: it must have at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return ngettext(
            "Your password must have at least %(min_length)d character.",
            "Your password must have at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}
