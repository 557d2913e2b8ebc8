"""Real human-written text for the real-text and false-positive sets, read from installed packages.

* ``chatterbot-corpus`` (PyPI, BSD-3-Clause): the multilingual dialog corpus of the ChatterBot project,
  conversations written by its contributors in YAML (English, German, French, Spanish, Italian, Dutch,
  Portuguese are used). The bot-persona, trivia, coding and tech-support files are skipped (the bot talking
  about itself, quiz answers, and bulk-generated support lines).
* Debian's ``fortunes`` package (fortune-mod data, BSD licence): the ``knghtbrd``, ``linux`` and ``debian``
  cookie files quote real IRC chat from #debian and friends as ``<nick> message`` lines; the messages
  (without the ``<nick>`` prefix) are casual chat written by people.

Every line gets a stable id from its source position and text, and ``line_key`` (the first 8 hex digits of
the SHA-1 of the text) is what the hand labels of the false-positive set refer to.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

CHATTERBOT_LANGS = {"english": "en", "german": "de", "french": "fr", "spanish": "es", "italian": "it",
                    "dutch": "nl", "portuguese": "pt"}
CHATTERBOT_SKIP = {"ai", "IA", "botprofile", "perfilbot", "trivia", "coding", "tech_support", "unilab", "origen"}
FORTUNE_DIR = Path("/usr/share/games/fortunes")
FORTUNE_FILES = ("knghtbrd", "linux", "debian")
IRC_LINE_RE = re.compile(r"^<([^>\s]+)>\s+(.*)$")


@dataclass(frozen=True)
class SourceLine:
    source: str  # "chatterbot-corpus:english/movies.yml" or "fortunes:knghtbrd"
    lang: str
    text: str

    @property
    def key(self) -> str:
        return line_key(self.text)


def line_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def chatterbot_lines() -> list[SourceLine]:
    """Every statement of the used chatterbot-corpus files, whitespace-normalised, first occurrence only."""
    import chatterbot_corpus
    import yaml

    root = Path(chatterbot_corpus.__file__).parent / "data"
    out, seen = [], set()
    for folder, lang in CHATTERBOT_LANGS.items():
        for path in sorted((root / folder).glob("*.yml")):
            if path.stem in CHATTERBOT_SKIP:
                continue
            doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            for conv in doc.get("conversations", []):
                for stmt in conv:
                    text = re.sub(r"\s+", " ", str(stmt)).strip()
                    if text and text not in seen:
                        seen.add(text)
                        out.append(SourceLine(f"chatterbot-corpus:{folder}/{path.name}", lang, text))
    return out


def irc_lines(root: Path = FORTUNE_DIR, files: tuple[str, ...] = FORTUNE_FILES, package: str = "fortunes",
              lang: str = "en") -> list[SourceLine]:
    """The ``<nick> message`` lines of the IRC cookie files, continuation lines joined, nick dropped
    (by default those of ``fortunes``; ``fresh_real`` reads fortunes-de's with the other arguments)."""
    out, seen = [], set()
    for name in files:
        raw = (root / name).read_text(encoding="utf-8", errors="replace")
        for cookie in raw.split("\n%\n"):
            for msg in _cookie_messages(cookie):
                text = re.sub(r"\s+", " ", msg).strip()
                if text and text not in seen:
                    seen.add(text)
                    out.append(SourceLine(f"{package}:{name}", lang, text))
    return out


def _cookie_messages(cookie: str) -> list[str]:
    messages: list[str] = []
    current: str | None = None
    for line in cookie.split("\n"):
        m = IRC_LINE_RE.match(line)
        if m:
            if current is not None:
                messages.append(current)
            current = m.group(2)
        elif current is not None and line[:1] in (" ", "\t") and line.strip():
            current += " " + line.strip()
        else:
            if current is not None:
                messages.append(current)
            current = None
    if current is not None:
        messages.append(current)
    return messages


def usable(line: SourceLine, min_chars: int = 20, max_chars: int = 300, min_words: int = 4) -> bool:
    return min_chars <= len(line.text) <= max_chars and len(line.text.split()) >= min_words


def sample(lines: list[SourceLine], n: int, salt: str = "") -> list[SourceLine]:
    """The ``n`` usable lines with the smallest SHA-1 of (salt + text): a fixed, seed-free sample."""
    ranked = sorted((hashlib.sha1((salt + ln.text).encode("utf-8")).hexdigest(), ln) for ln in lines if usable(ln))
    return [ln for _, ln in ranked[:n]]


def package_versions() -> dict[str, str]:
    """Versions of the packages the sets were built from, for the manifest."""
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for pkg in ("mimesis", "chatterbot-corpus", "PyYAML"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = "not installed"
    out["fortunes (Debian)"] = _debian_version("fortunes")
    return out


def _debian_version(pkg: str) -> str:
    status = Path("/var/lib/dpkg/status")
    if not status.exists():
        return "unknown"
    for block in status.read_text(encoding="utf-8", errors="replace").split("\n\n"):
        if block.startswith(f"Package: {pkg}\n"):
            m = re.search(r"^Version: (.+)$", block, re.M)
            return m.group(1) if m else "unknown"
    return "not installed"
