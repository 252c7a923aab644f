"""Pictures for the demo, drawn with Pillow: abstract featured images and initial badges.

Everything is seeded from a string, so the same key always gives the same picture,
and every featured image comes with alt text that says what was actually drawn.
"""

import math
import random
from functools import cache
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FEATURED_SIZE = (1600, 900)
AVATAR_SIZE = 400
FONT_DIR = Path("/usr/share/fonts")

# Per topic: a background gradient (top, bottom) and accent colours, each with a name for alt text.
PALETTES = {
    "climate": (("deep green", "#12372a"), ("teal", "#1f7a74"), [("sea green", "#4fb286"), ("sand", "#e9d8a6"), ("coral", "#ee6c4d")]),
    "cities": (("slate", "#2b2d42"), ("dusk blue", "#4a5a7d"), [("brick red", "#c8553d"), ("amber", "#f2a541"), ("pale grey", "#d9dce3")]),
    "technology": (("midnight blue", "#0b132b"), ("indigo", "#3a3f8f"), [("electric cyan", "#5bc0eb"), ("lime", "#9bc53d"), ("white", "#f4f4f9")]),
    "education": (("navy", "#1d3557"), ("steel blue", "#457b9d"), [("chalk white", "#f1faee"), ("pale aqua", "#a8dadc"), ("red", "#e63946")]),
    "health": (("deep teal", "#073b4c"), ("sea blue", "#118ab2"), [("mint", "#06d6a0"), ("soft yellow", "#ffd166"), ("rose", "#ef476f")]),
    "economy": (("charcoal", "#22223b"), ("plum grey", "#4a4e69"), [("gold", "#e0a458"), ("cream", "#f2e9e4"), ("dusty pink", "#c9ada7")]),
    "culture": (("aubergine", "#3c1642"), ("magenta", "#86198f"), [("orange", "#ff9f1c"), ("peach", "#ffbf69"), ("turquoise", "#2ec4b6")]),
    "media": (("black", "#111111"), ("graphite", "#3d3d3d"), [("signal red", "#d62828"), ("newsprint", "#eae2b7"), ("ochre", "#f77f00")]),
    "work": (("dark olive", "#283618"), ("moss", "#606c38"), [("cream", "#fefae0"), ("caramel", "#dda15e"), ("rust", "#bc6c25")]),
    "food": (("tomato red", "#9d0208"), ("vermilion", "#dc2f02"), [("saffron", "#ffba08"), ("olive green", "#6a994e"), ("cream", "#fff3d6")]),
    "transport": (("asphalt grey", "#2f3e46"), ("blue grey", "#52796f"), [("signal yellow", "#ffd60a"), ("white", "#f8f9fa"), ("orange", "#fb8500")]),
    "democracy": (("ink blue", "#14213d"), ("royal blue", "#274690"), [("ballot white", "#f5f3f4"), ("gold", "#fca311"), ("crimson", "#c1121f")]),
    "science": (("deep violet", "#240046"), ("violet", "#5a189a"), [("lavender", "#c8b6ff"), ("cyan", "#4cc9f0"), ("pink", "#f72585")]),
    "housing": (("brown", "#432818"), ("terracotta", "#99582a"), [("sand", "#ffe6a7"), ("sage", "#a3b18a"), ("sky blue", "#8ecae6")]),
}  # fmt: skip


def _rgb(hex_colour, alpha=255):
    value = hex_colour.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16), alpha)


def _gradient(size, top, bottom):
    """A vertical gradient from ``top`` to ``bottom``."""
    mask = Image.linear_gradient("L").resize(size, Image.Resampling.BILINEAR)
    return Image.composite(
        Image.new("RGBA", size, _rgb(bottom)), Image.new("RGBA", size, _rgb(top)), mask
    )


def _and(names):
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# Each motif draws on a transparent layer and returns the words for the alt text.
def _circles(draw, rng, size, accents):
    width, height = size
    for _ in range(rng.randint(5, 8)):
        _, colour = rng.choice(accents)
        radius = rng.randint(height // 8, height // 3)
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=_rgb(colour, 150))
    return "translucent circles of different sizes overlapping"


def _bars(draw, rng, size, accents):
    width, height = size
    count = rng.randint(9, 14)
    step = width / count
    level = rng.uniform(0.2, 0.35)
    for index in range(count):
        level = min(0.9, max(0.1, level + rng.uniform(-0.08, 0.14)))
        _, colour = accents[index % len(accents)]
        x = index * step + step * 0.15
        draw.rectangle((x, height * (1 - level), x + step * 0.7, height), fill=_rgb(colour, 210))
    return "a row of vertical bars rising unevenly from left to right, like a chart"


def _grid(draw, rng, size, accents):
    width, height = size
    cell = rng.choice((100, 120, 150))
    for x in range(0, width, cell):
        for y in range(0, height, cell):
            if rng.random() < 0.55:
                _, colour = rng.choice(accents)
                inset = rng.randint(8, 24)
                box = (x + inset, y + inset, x + cell - inset, y + cell - inset)
                draw.rectangle(box, fill=_rgb(colour, rng.choice((90, 160, 230))))
    return "a grid of square blocks, some lit and some dark, like windows or a street plan seen from above"


def _waves(draw, rng, size, accents):
    width, height = size
    bands = rng.randint(4, 6)
    for band in range(bands):
        _, colour = accents[band % len(accents)]
        base = height * (0.35 + band * 0.6 / bands)
        amplitude = rng.uniform(20, 70)
        length = rng.uniform(300, 700)
        phase = rng.uniform(0, math.tau)
        points = [
            (x, base + amplitude * math.sin(x / length * math.tau + phase))
            for x in range(0, width + 20, 20)
        ]
        draw.polygon([*points, (width, height), (0, height)], fill=_rgb(colour, 120))
    return "layered wave shapes rolling across the lower half"


def _arcs(draw, rng, size, accents):
    width, height = size
    x, y = rng.choice((0, width)), rng.randint(height // 3, height)
    for ring in range(rng.randint(6, 9)):
        _, colour = accents[ring % len(accents)]
        radius = 120 + ring * rng.randint(90, 120)
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius),
            outline=_rgb(colour, 200),
            width=rng.randint(14, 34),
        )
    return "concentric arcs spreading out from one side, like a signal"


def _stripes(draw, rng, size, accents):
    width, height = size
    slant = rng.randint(300, 600)
    x = -slant
    while x < width:
        _, colour = rng.choice(accents)
        thickness = rng.randint(40, 140)
        draw.polygon(
            [(x, height), (x + slant, 0), (x + slant + thickness, 0), (x + thickness, height)],
            fill=_rgb(colour, 170),
        )
        x += thickness + rng.randint(30, 160)
    return "bold diagonal stripes of different widths"


def _dots(draw, rng, size, accents):
    width, height = size
    spacing = rng.choice((40, 50, 60))
    centre_x, centre_y = (
        rng.randint(width // 4, width * 3 // 4),
        rng.randint(height // 4, height * 3 // 4),
    )
    reach = math.hypot(width, height) / 2
    for x in range(spacing // 2, width, spacing):
        for y in range(spacing // 2, height, spacing):
            nearness = 1 - min(1, math.hypot(x - centre_x, y - centre_y) / reach)
            radius = 2 + nearness**2 * spacing * 0.45
            _, colour = accents[(x // spacing + y // spacing) % len(accents)]
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=_rgb(colour, 220))
    return "a field of dots that swell towards a bright centre"


def _hills(draw, rng, size, accents):
    width, height = size
    sun_name, sun = accents[-1]
    radius = rng.randint(70, 120)
    x, y = rng.randint(width // 5, width * 4 // 5), rng.randint(height // 6, height // 3)
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=_rgb(sun, 230))
    for layer in range(3):
        _, colour = accents[layer % len(accents)]
        base = height * (0.55 + layer * 0.14)
        points = [(0, height)]
        for x_point in range(0, width + 200, 200):
            points.append((x_point, base + rng.uniform(-60, 60)))
        points.append((width, height))
        draw.polygon(points, fill=_rgb(colour, 200))
    return f"rolling hills in layers under a {sun_name} sun"


MOTIFS = {
    "circles": _circles,
    "bars": _bars,
    "grid": _grid,
    "waves": _waves,
    "arcs": _arcs,
    "stripes": _stripes,
    "dots": _dots,
    "hills": _hills,
}


def featured(seed, motif, palette, size=FEATURED_SIZE):
    """Return ``(jpeg_bytes, alt_text)`` for an abstract picture in a topic's palette."""
    (top_name, top), (bottom_name, bottom), accents = PALETTES[palette]
    rng = random.Random(seed)
    canvas = _gradient(size, top, bottom)
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    shapes = MOTIFS[motif](ImageDraw.Draw(layer), rng, size, accents)
    canvas.alpha_composite(layer)
    buffer = BytesIO()
    canvas.convert("RGB").save(buffer, format="JPEG", quality=85, optimize=True)
    colours = _and([name for name, _ in accents])
    alt = f"Abstract illustration: {shapes}, in {colours}, on a background fading from {top_name} to {bottom_name}."
    return buffer.getvalue(), alt


@cache
def _font(size):
    for name in ("DejaVuSerif-Bold.ttf", "DejaVuSans-Bold.ttf", "LiberationSerif-Bold.ttf"):
        for path in FONT_DIR.rglob(name):
            return ImageFont.truetype(str(path), size)
    for path in sorted(FONT_DIR.rglob("*.ttf")):
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def initials(name):
    """“Siobhán O’Connor” → “SO”."""
    words = name.split()
    return (words[0][0] + words[-1][0]).upper() if len(words) > 1 else name[:2].upper()


def avatar(name, palette):
    """Return PNG bytes for a 400×400 badge: a head-and-shoulders shape and the initials."""
    (_, top), (_, bottom), accents = PALETTES[palette]
    size = AVATAR_SIZE
    canvas = _gradient((size, size), top, bottom)
    figure = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(figure)
    draw.ellipse((140, 62, 260, 182), fill=_rgb(accents[1][1], 90))
    draw.ellipse((60, 200, 340, 480), fill=_rgb(accents[1][1], 90))
    inside = Image.new("L", (size, size), 0)
    ImageDraw.Draw(inside).ellipse((34, 34, size - 34, size - 34), fill=255)
    canvas.paste(figure, (0, 0), Image.composite(figure, Image.new("RGBA", figure.size), inside))
    draw = ImageDraw.Draw(canvas)
    draw.ellipse((24, 24, size - 24, size - 24), outline=_rgb(accents[0][1]), width=10)
    draw.text(
        (size / 2, 292), initials(name), font=_font(104), fill=_rgb(accents[1][1]), anchor="mm"
    )
    buffer = BytesIO()
    canvas.convert("RGB").save(buffer, format="PNG")
    return buffer.getvalue()
