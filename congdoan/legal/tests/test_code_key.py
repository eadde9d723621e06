"""The library's duplicate check uses the one document-number key of the text layer."""

from congdoan.core.text import code_key
from congdoan.legal.models import code_key as legal_code_key


def test_legal_models_use_the_text_layers_code_key():
    assert legal_code_key is code_key
    assert code_key("02-NQ/TW") == code_key("02/nq-tw")
