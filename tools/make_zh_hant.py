"""Write the Traditional Chinese catalogue from the Simplified one with OpenCC, so nothing is typed twice.

Character-by-character conversion to the Taiwan/Hong Kong standard glyphs (s2tw: 为 -> 為),
without phrase substitution that would change wording.

Usage: python tools/make_zh_hant.py   (run by `make messages`)
"""

from pathlib import Path

import opencc
import polib

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def main():
    converter = opencc.OpenCC("s2tw.json")
    for domain in ("django", "djangojs"):
        convert(converter, domain)


def convert(converter, domain):
    source = polib.pofile(LOCALE / "zh_Hans" / "LC_MESSAGES" / f"{domain}.po")
    target_path = LOCALE / "zh_Hant" / "LC_MESSAGES" / f"{domain}.po"
    target_path.parent.mkdir(parents=True, exist_ok=True)
    target = polib.POFile()
    target.metadata = {**source.metadata, "Language": "zh_Hant"}
    target.header = "Generated from zh_Hans by tools/make_zh_hant.py with OpenCC (s2tw). Do not edit."
    for entry in source:
        if entry.obsolete:
            continue
        target.append(
            polib.POEntry(
                msgctxt=entry.msgctxt,
                msgid=entry.msgid,
                msgid_plural=entry.msgid_plural,
                msgstr=converter.convert(entry.msgstr),
                msgstr_plural={k: converter.convert(v) for k, v in entry.msgstr_plural.items()},
                occurrences=entry.occurrences,
                flags=[flag for flag in entry.flags if flag != "fuzzy"],
            )
        )
    target.save(target_path)
    print(f"wrote {target_path} ({len(target)} entries)")


if __name__ == "__main__":
    main()
