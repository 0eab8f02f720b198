"""Source roles as a fact-checker weighs them: who a named source is, read from its words."""

from __future__ import annotations

import pytest

from reconcile.roles import normalize_source, role_of


@pytest.mark.parametrize(
    ("words", "role"),
    [
        ("Iraq's Kataib Hezbollah militia", "party"),
        ("The army", "party"),
        ("An Iraqi military official", "anonymous_official"),
        ("officials", "anonymous_official"),
        ("the provincial health directorate", "medical"),
        ("the regional health department", "medical"),
        ("Doctors at Testville General Hospital", "medical"),
        ("the Red Crescent", "ngo"),
        ("Farmers in the village of Ain Sarouf", "witness"),
        ("the state migration directorate", "official"),
        ("Interior Minister Hanna Reiss", "official"),
        # A group that counts but does not fight is no party to the conflict.
        ("the government and a rescue group", "ngo"),
        ("the Kestrel Monitoring Group", "ngo"),
        ("the militant group", "party"),
    ],
)
def test_role_of_a_source(words: str, role: str) -> None:
    assert role_of(words) == role


def test_a_source_key_drops_articles_and_descriptors() -> None:
    assert normalize_source("Iraq's Kataib Hezbollah militia") == "kataib hezbollah"
