"""Recognising user agents that are not people, from the maintained list in data/."""

import re
from functools import cache
from pathlib import Path

BOT_LIST = Path(__file__).resolve().parent / "data" / "bot_user_agents.txt"


@cache
def bot_pattern() -> re.Pattern:
    lines = BOT_LIST.read_text(encoding="utf-8").splitlines()
    patterns = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)


def is_bot(user_agent: str) -> bool:
    """No user agent at all, or one that matches the list."""
    return not user_agent.strip() or bool(bot_pattern().search(user_agent))
