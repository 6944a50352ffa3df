"""The floor: a plain genanki script writing the very notes an ankigen build wrote.

    python bench/floor.py DECK.json OUT.apkg

DECK.json is what `bench/run.py` dumped from ankigen's .apkg (note types with ids, fields, templates and
css; the deck; every note's GUID, note type, fields and tags; the package time). Loading it is part of
the timed work.
"""

from __future__ import annotations

import json
import sys

import genanki


def main(src: str, out: str) -> None:
    with open(src, encoding="utf-8") as fh:
        data = json.load(fh)
    models = {
        m["id"]: genanki.Model(
            model_id=m["id"],
            name=m["name"],
            fields=[{"name": f} for f in m["fields"]],
            templates=[{"name": t[0], "qfmt": t[1], "afmt": t[2]} for t in m["templates"]],
            css=m["css"],
            model_type=genanki.Model.CLOZE if m["cloze"] else genanki.Model.FRONT_BACK,
            sort_field_index=m["sort_field"],
        )
        for m in data["models"]
    }
    deck = genanki.Deck(data["deck"]["id"], data["deck"]["name"], description=data["deck"]["description"])
    for guid, mid, fields, tags in data["notes"]:
        deck.add_note(genanki.Note(model=models[mid], fields=fields, tags=tags, guid=guid))
    genanki.Package(deck).write_to_file(out, timestamp=data["timestamp"])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
