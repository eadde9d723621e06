"""django-axes' lockout check as the first authentication backend."""

from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """Refuses locked-out web logins; authentication without a request is not a web login.

    Axes raises when no request is given; `Client.login()` in tests and scripts that call
    `authenticate()` directly have none, and no client address or user agent to lock.
    """

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
