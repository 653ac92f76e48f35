"""Markdown left in scraped text by extraction tools (html2text, pandoc, reader proxies, web
clippers, Lynx and w3m dumps): the words of a line without its markup.

The cleaner reads a line's words, so "By [Jane Doe](https://...)" is a byline and
"**Read more:** [Title](https://...)" a related-article link; the clean text carries no URLs
into the term and topic tables. Patterns are in :mod:`culturelens._patterns`.
"""

from __future__ import annotations

from culturelens import _patterns as P

__all__ = ["links_only", "strip_markdown"]

# The patterns' cost grows with a line's length, and no line of links is this long.
MAX_CHARS = 5000
_INLINE = (
    (P.RE_MD_IMAGE, ""),
    (P.RE_MD_LINK, r"\1"),
    (P.RE_LYNX_MARK, ""),
    (P.RE_MD_EMPHASIS, r"\2"),  # first: "**bold _and italic_**" has no marker inside
    (P.RE_MD_STRONG, r"\2"),
    (P.RE_MD_QUOTE, ""),
)


def strip_markdown(text: str, *, headings: bool = True) -> str:
    """The words of a line of markdown: a link becomes its text, an image goes, and emphasis
    and quote marks go ("**Read more:** [Title](https://...)" -> "Read more: Title").

    With ``headings`` (the default) a heading's marks go too ("## Background" ->
    "Background"). A line without markdown, or longer than :data:`MAX_CHARS`, is returned
    as it is.
    """
    if len(text) > MAX_CHARS or not any(c in text for c in "[*_#>"):
        return text
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    if headings:
        text = P.RE_MD_HEADING.sub("", text)
    return P.RE_SPACE_RUN.sub(" ", text).strip()


def links_only(text: str) -> bool:
    """Is the line only markdown links or images (a menu, a share bar, a teaser list)?"""
    return len(text) <= MAX_CHARS and P.RE_MD_LINKS_ONLY.match(text) is not None
