"""The outbox of `make run` without SMTP (the Makefile's EMAIL_BACKEND): Django's file backend,
one `.log` file per connection in `EMAIL_FILE_PATH`, with names unique across processes.

Django names each file after the second and `id()` of the backend object; the web server's
workers are forked from one parent and lay out their memory alike, so two of them sending in the
same second could pick the same name and append both emails to one file.
"""

import datetime
import os
import uuid

from django.core.mail.backends.filebased import EmailBackend as FileEmailBackend


class EmailBackend(FileEmailBackend):
    def _get_filename(self):
        if self._fname is None:
            timestamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
            name = f"{timestamp}-{os.getpid()}-{uuid.uuid4().hex[:12]}.log"
            self._fname = os.path.join(self.file_path, name)
        return self._fname
