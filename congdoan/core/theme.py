"""The site's colours (site settings) as CSS custom properties.

site.css is written against `--brand`, `--brand-dark`, `--accent` and `--accent-dark`; a site
that picks other colours gets them from `/theme.css`, which sets those four. The dark shades are
derived here so editors choose two colours, not four.
"""

from urllib.parse import urlencode

from django.urls import reverse


def darker(hex_color: str, factor: float = 0.75) -> str:
    """`#rrggbb` with each channel scaled by `factor`: the hover and footer shade."""
    channels = [int(hex_color[index : index + 2], 16) for index in (1, 3, 5)]
    return "#" + "".join(f"{round(channel * factor):02x}" for channel in channels)


def theme_css(site_settings) -> str:
    primary, accent = site_settings.primary_color.lower(), site_settings.accent_color.lower()
    return (
        f":root{{--brand:{primary};--brand-dark:{darker(primary)};"
        f"--accent:{accent};--accent-dark:{darker(accent)}}}\n"
    )


def theme_stylesheet_url(site_settings) -> str:
    """Where a page links the theme, or "" for the default colours (site.css has them)."""
    if not site_settings.has_custom_colors:
        return ""
    query = urlencode({"p": site_settings.primary_color[1:], "a": site_settings.accent_color[1:]})
    return f"{reverse('theme_css')}?{query}"
