"""Altering a signed value in tests: the altered text must differ, or a forgery test could pass by luck."""


def altered(text: str, at: int) -> str:
    """``text`` with the character at index ``at`` replaced by another one (never the same)."""
    index = at % len(text)
    replacement = "b" if text[index] == "a" else "a"
    return text[:index] + replacement + text[index + 1 :]
