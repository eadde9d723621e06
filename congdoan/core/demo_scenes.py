"""Generated photographs for the demo site: scenes a union's communications office publishes.

The demo ships no binary pictures (licences, repository size), so its photos are painted here:
a conference hall with the red backdrop and the audience seen from behind, a group handing out
gifts in front of a factory, a sports ground, a workshop with helmeted workers. Each is drawn at
half size with soft light, depth of field and grain, then enlarged, which is what makes flat
shapes read as a photograph at the sizes a portal shows. The scene follows the picture's
caption (`scene_for`) and everything else follows a seed taken from its title, so the same
title always gives the same picture.
"""

import hashlib
import random
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageEnhance, ImageFilter, ImageFont

# Part of the cache key of painted pictures (core.demo_media): change it when the painting changes.
SCENES_VERSION = 1

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]

# Which scene a caption describes, by the words in it (folded to lower case).
SCENE_WORDS = {
    "sports": ("hội thao", "bóng", "kéo co", "cầu lông", "thi đấu", "vận động viên", "cổ vũ"),
    "workshop": ("an toàn", "huấn luyện", "sáng kiến", "kỹ thuật", "khám", "sức khỏe", "tư vấn"),
    "outdoor": (
        "trao",
        "quà",
        "tết",
        "mái ấm",
        "nhà ở",
        "khu công nghiệp",
        "phiên chợ",
        "hỗ trợ",
        "nhà trọ",
        "diễu hành",
    ),
}

SKIN = [(224, 182, 150), (205, 160, 125), (188, 140, 105), (232, 196, 165), (170, 120, 90)]
HAIR = [(22, 18, 16), (35, 28, 24), (48, 38, 30), (70, 62, 58), (28, 24, 30)]
SHIRTS = [
    (245, 245, 240),
    (236, 238, 244),
    (40, 70, 130),
    (30, 50, 90),
    (90, 110, 140),
    (200, 205, 210),
    (150, 40, 45),
    (60, 60, 64),
]
UNIFORMS = [(38, 92, 160), (30, 80, 145), (52, 110, 175), (240, 240, 236)]


def bold_font(size: int):
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size=size)


def scene_for(caption: str) -> str:
    text = caption.lower()
    for scene, words in SCENE_WORDS.items():
        if any(word in text for word in words):
            return scene
    return "hall"


def _vertical_gradient(size, top, bottom) -> Image.Image:
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _jitter(colour, rng, amount=14):
    return tuple(max(0, min(255, c + rng.randint(-amount, amount))) for c in colour)


def _shade(colour, factor):
    return tuple(max(0, min(255, int(c * factor))) for c in colour)


def _person(image, rng, x, foot_y, height, shirt, *, from_behind=False, helmet=None, holding=None):
    """A figure on its own layer: trousers, torso with arms, neck, head and hair, lit from the
    upper left, with a soft shadow at its feet; composited onto `image`."""
    height = max(12, int(height))
    width = int(height * 0.42)
    layer = Image.new("RGBA", (width * 2, height + 4), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    cx = width
    head = height * 0.15
    shoulders = height * 0.27
    skin = _jitter(rng.choice(SKIN), rng, 8)
    shirt = _jitter(shirt, rng, 10)
    neck_y = head * 1.05
    waist_y = height * 0.56
    trousers = rng.choice([(38, 40, 48), (50, 52, 60), (28, 30, 40), (70, 66, 60)])
    # Legs and trousers, then the torso as a trapezoid with rounded shoulders, then the arms.
    draw.polygon(
        [
            (cx - shoulders * 0.36, waist_y),
            (cx + shoulders * 0.36, waist_y),
            (cx + shoulders * 0.3, height),
            (cx + shoulders * 0.04, height),
            (cx, waist_y + height * 0.08),
            (cx - shoulders * 0.04, height),
            (cx - shoulders * 0.3, height),
        ],
        fill=trousers,
    )
    draw.polygon(
        [
            (cx - shoulders / 2, neck_y + head * 0.35),
            (cx + shoulders / 2, neck_y + head * 0.35),
            (cx + shoulders * 0.38, waist_y + height * 0.03),
            (cx - shoulders * 0.38, waist_y + height * 0.03),
        ],
        fill=shirt,
    )
    draw.ellipse([cx - shoulders / 2, neck_y, cx + shoulders / 2, neck_y + head * 0.8], fill=shirt)
    arm = _shade(shirt, 0.82)
    for side in (-1, 1):
        shoulder_x = cx + side * shoulders * 0.47
        draw.line(
            [
                (shoulder_x, neck_y + head * 0.4),
                (shoulder_x + side * shoulders * 0.05, waist_y + height * 0.06),
            ],
            fill=arm,
            width=max(2, int(shoulders * 0.2)),
        )
        draw.ellipse(
            [
                shoulder_x - shoulders * 0.07,
                waist_y + height * 0.03,
                shoulder_x + shoulders * 0.09,
                waist_y + height * 0.1,
            ],
            fill=skin,
        )
    if holding:
        draw.rectangle(
            [
                cx - shoulders * 0.34,
                waist_y - height * 0.16,
                cx + shoulders * 0.34,
                waist_y - height * 0.02,
            ],
            fill=holding,
        )
        draw.rectangle(
            [
                cx - shoulders * 0.34,
                waist_y - height * 0.1,
                cx + shoulders * 0.34,
                waist_y - height * 0.085,
            ],
            fill=(235, 200, 80),
        )
    draw.rectangle(
        [cx - head * 0.15, neck_y - head * 0.1, cx + head * 0.15, neck_y + head * 0.3],
        fill=_shade(skin, 0.9),
    )
    draw.ellipse([cx - head * 0.4, 0, cx + head * 0.4, head * 1.08], fill=skin)
    hair = rng.choice(HAIR)
    if from_behind:
        draw.ellipse([cx - head * 0.43, -head * 0.03, cx + head * 0.43, head * 1.0], fill=hair)
    else:
        draw.chord(
            [cx - head * 0.44, -head * 0.08, cx + head * 0.44, head * 0.75], 180, 360, fill=hair
        )
        for eye in (-1, 1):
            draw.ellipse(
                [
                    cx + eye * head * 0.16 - head * 0.05,
                    head * 0.5,
                    cx + eye * head * 0.16 + head * 0.05,
                    head * 0.58,
                ],
                fill=_shade(skin, 0.55),
            )
    if helmet:
        draw.chord(
            [cx - head * 0.52, -head * 0.22, cx + head * 0.52, head * 0.72], 180, 360, fill=helmet
        )
    # Light from the upper left: darker to the right and towards the feet.
    light = Image.linear_gradient("L").rotate(45, expand=False).resize(layer.size)
    light = light.point(lambda v: 255 - int(v * 0.35))
    lit = ImageChops.multiply(layer.convert("RGB"), Image.merge("RGB", [light] * 3))
    lit.putalpha(layer.getchannel("A").filter(ImageFilter.GaussianBlur(0.6)))
    shadow = Image.new("RGBA", (width * 2, max(4, int(height * 0.08))), (0, 0, 0, 0))
    ImageDraw.Draw(shadow).ellipse(
        [width * 0.55, 0, width * 1.6, shadow.height - 1], fill=(0, 0, 0, 90)
    )
    shadow = shadow.filter(ImageFilter.GaussianBlur(max(1, height * 0.015)))
    left = int(x - width)
    top = int(foot_y - height)
    image.paste(shadow, (left, int(foot_y - shadow.height * 0.6)), shadow)
    image.paste(lit, (left, top), lit)


def _banner_text(draw, box, text, colour, rng):
    left, top, right, bottom = box
    size = max(10, int((bottom - top) * 0.42))
    font = bold_font(size)
    while draw.textlength(text, font=font) > (right - left) * 0.9 and size > 8:
        size -= 1
        font = bold_font(size)
    width = draw.textlength(text, font=font)
    draw.text(
        ((left + right - width) / 2, top + (bottom - top - size) / 2), text, font=font, fill=colour
    )


def _hall(image, draw, rng, label):
    width, height = image.size
    image.paste(_vertical_gradient((width, height), (70, 52, 44), (32, 26, 24)))
    # The red backdrop with its yellow lettering, the flag and the hammer-and-sickle panel.
    backdrop = [width * 0.08, height * 0.06, width * 0.92, height * 0.50]
    draw.rectangle(backdrop, fill=(168, 22, 28))
    draw.rectangle(
        [backdrop[0], backdrop[1], backdrop[2], backdrop[1] + height * 0.03], fill=(120, 12, 18)
    )
    _banner_text(
        draw,
        [width * 0.25, height * 0.14, width * 0.9, height * 0.24],
        "ĐẠI HỘI" if "đại hội" in label.lower() else "HỘI NGHỊ",
        (250, 214, 70),
        rng,
    )
    _banner_text(
        draw,
        [width * 0.25, height * 0.25, width * 0.9, height * 0.33],
        label.upper()[:48],
        (250, 220, 90),
        rng,
    )
    draw.rectangle([width * 0.11, height * 0.12, width * 0.22, height * 0.36], fill=(200, 16, 24))
    draw.regular_polygon(
        (width * 0.165, height * 0.24, height * 0.05),
        5,
        fill=(250, 214, 70),
        rotation=rng.randint(0, 3),
    )
    # The presidium seated behind its table, the cloth and the flowers in front of them.
    table_top = height * 0.46
    for index in range(7):
        x = width * (0.2 + index * 0.1)
        _person(image, rng, x, table_top + height * 0.12, height * 0.2, rng.choice(SHIRTS[:4]))
    draw.rectangle([width * 0.14, table_top, width * 0.86, height * 0.58], fill=(236, 236, 232))
    draw.rectangle(
        [width * 0.14, table_top, width * 0.86, table_top + height * 0.015], fill=(40, 90, 160)
    )
    for index in range(7):
        x = width * (0.2 + index * 0.1)
        draw.ellipse(
            [x - width * 0.02, height * 0.53, x + width * 0.02, height * 0.58],
            fill=_jitter((210, 60, 90), rng, 30),
        )
    draw.rectangle([width * 0.44, height * 0.52, width * 0.56, height * 0.72], fill=(120, 70, 40))
    image.paste(image.filter(ImageFilter.GaussianBlur(2.2)))
    # The audience from behind, nearer rows larger and sharper.
    for row in range(4):
        y = height * (0.74 + row * 0.09)
        size = height * (0.28 + row * 0.1)
        step = size * 0.42
        x = rng.uniform(-step / 2, step / 2)
        while x < width + step:
            _person(
                image,
                rng,
                x + rng.uniform(-step * 0.1, step * 0.1),
                y + size * 0.55,
                size,
                rng.choice(SHIRTS),
                from_behind=True,
            )
            x += step


def _outdoor(image, draw, rng, label):
    width, height = image.size
    image.paste(_vertical_gradient((width, height), (150, 190, 230), (225, 232, 238)))
    # A factory block with windows, the union banner across its front.
    horizon = height * 0.62
    for index in range(3):
        left = width * (index * 0.36 - 0.05) + rng.uniform(-20, 20)
        top = height * rng.uniform(0.18, 0.3)
        draw.rectangle(
            [left, top, left + width * 0.4, horizon], fill=_jitter((196, 200, 204), rng, 12)
        )
        for wx in range(int(left + 20), int(left + width * 0.4 - 20), 46):
            for wy in range(int(top + 20), int(horizon - 40), 40):
                draw.rectangle([wx, wy, wx + 26, wy + 18], fill=_jitter((110, 140, 170), rng, 16))
    draw.rectangle([width * 0.1, height * 0.34, width * 0.9, height * 0.44], fill=(176, 24, 30))
    _banner_text(
        draw,
        [width * 0.12, height * 0.345, width * 0.88, height * 0.435],
        label.upper()[:56],
        (252, 220, 90),
        rng,
    )
    draw.rectangle([0, horizon, width, height], fill=(150, 146, 140))
    image.paste(image.filter(ImageFilter.GaussianBlur(1.6)))
    # A row of people handing over and holding red gift boxes.
    count = rng.randint(7, 10)
    for index in range(count):
        x = width * (0.08 + index * 0.84 / (count - 1)) + rng.uniform(-12, 12)
        holding = (190, 30, 36) if index % 2 else None
        _person(
            image,
            rng,
            x,
            height * 0.98,
            height * rng.uniform(0.52, 0.6),
            rng.choice(UNIFORMS + SHIRTS[:3]),
            holding=holding,
        )


def _sports(image, draw, rng, label):
    width, height = image.size
    image.paste(_vertical_gradient((width, height), (160, 196, 232), (210, 226, 240)))
    stand_bottom = height * 0.42
    draw.rectangle([0, height * 0.18, width, stand_bottom], fill=(120, 120, 128))
    for row in range(6):
        y = height * 0.2 + row * (stand_bottom - height * 0.2) / 6
        for x in range(0, width, 14):
            draw.ellipse(
                [x, y, x + 10, y + 12], fill=_jitter(rng.choice(SHIRTS + [(220, 40, 40)]), rng, 20)
            )
    draw.rectangle([width * 0.2, height * 0.1, width * 0.8, height * 0.18], fill=(176, 24, 30))
    _banner_text(
        draw,
        [width * 0.22, height * 0.105, width * 0.78, height * 0.175],
        label.upper()[:48],
        (252, 220, 90),
        rng,
    )
    image.paste(image.filter(ImageFilter.GaussianBlur(2.4)))
    field = _vertical_gradient((width, int(height - stand_bottom)), (70, 140, 70), (40, 110, 45))
    image.paste(field, (0, int(stand_bottom)))
    draw.line([0, height * 0.7, width, height * 0.62], fill=(235, 240, 235), width=4)
    teams = [(220, 40, 40), (30, 90, 190)]
    for index in range(rng.randint(5, 8)):
        x = rng.uniform(width * 0.05, width * 0.95)
        foot = rng.uniform(height * 0.72, height * 0.98)
        _person(
            image, rng, x, foot, height * (0.25 + (foot / height - 0.7) * 0.9), teams[index % 2]
        )


def _workshop(image, draw, rng, label):
    width, height = image.size
    image.paste(_vertical_gradient((width, height), (200, 204, 200), (120, 124, 122)))
    # Roof trusses and lights, then machines along the floor.
    for index in range(9):
        x = width * index / 8
        draw.line([x, 0, width / 2, height * 0.35], fill=(150, 150, 150), width=3)
        draw.ellipse([x - 18, height * 0.08, x + 18, height * 0.12], fill=(255, 250, 225))
    floor = height * 0.55
    draw.rectangle([0, floor, width, height], fill=(110, 120, 112))
    for index in range(5):
        left = width * (index * 0.22) + rng.uniform(-10, 10)
        draw.rectangle(
            [left, floor - height * 0.2, left + width * 0.16, floor + height * 0.05],
            fill=_jitter((70, 120, 150), rng, 20),
        )
        draw.rectangle(
            [left + 12, floor - height * 0.16, left + width * 0.08, floor - height * 0.1],
            fill=(220, 230, 235),
        )
    draw.rectangle([width * 0.3, height * 0.2, width * 0.7, height * 0.27], fill=(176, 24, 30))
    _banner_text(
        draw,
        [width * 0.31, height * 0.205, width * 0.69, height * 0.265],
        label.upper()[:40],
        (252, 220, 90),
        rng,
    )
    image.paste(image.filter(ImageFilter.GaussianBlur(1.8)))
    helmets = [(250, 210, 30), (245, 245, 245), (240, 140, 30)]
    for index in range(rng.randint(5, 7)):
        x = width * (0.08 + index * 0.15) + rng.uniform(-20, 20)
        foot = height * rng.uniform(0.9, 1.05)
        _person(
            image,
            rng,
            x,
            foot,
            height * rng.uniform(0.5, 0.62),
            rng.choice(UNIFORMS),
            helmet=rng.choice(helmets),
        )


SCENES = {"hall": _hall, "outdoor": _outdoor, "sports": _sports, "workshop": _workshop}


def paint_scene(title: str, caption: str, width: int, height: int) -> Image.Image:
    """The photograph for a demo picture: its scene from the caption, its details from the title."""
    rng = random.Random(hashlib.sha256(title.encode()).digest())  # noqa: S311 - not security
    half = (max(64, width // 2), max(48, height // 2))
    image = Image.new("RGB", half)
    SCENES[scene_for(caption)](image, ImageDraw.Draw(image), rng, caption)
    # Camera: a touch of motion softness, warm light falling off to the corners, sensor grain.
    image = image.filter(ImageFilter.GaussianBlur(0.6)).resize((width, height), Image.LANCZOS)
    vignette = (
        Image.radial_gradient("L").resize((width, height)).point(lambda v: 255 - int(v * 0.55))
    )
    image = ImageChops.multiply(image, Image.merge("RGB", [vignette] * 3))
    image = ImageEnhance.Color(image).enhance(rng.uniform(0.85, 1.05))
    # Grain from the seeded generator (Image.effect_noise is not repeatable): 128 ± 18.
    grain = Image.frombytes("L", half, rng.randbytes(half[0] * half[1]))
    grain = grain.point(lambda v: 110 + v * 36 // 255).convert("RGB").resize((width, height))
    return ImageChops.overlay(image, grain)
    return image
