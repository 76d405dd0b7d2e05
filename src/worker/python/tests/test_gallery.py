"""Every program of the examples gallery ends the way its catalog says, in both clock modes.

The gallery's programs live in src/features/gallery/programs/ (scripts/test-python.mjs writes them
to /taskline/gallery); catalog.json names each one's intended ending: done, error or deadlock.
"""

import json
import os
import unittest

from .support import run

GALLERY = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "gallery")


def _catalog() -> list:
    path = os.path.join(GALLERY, "catalog.json")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return json.load(f)


CATALOG = _catalog()


def _ending(r) -> str:
    if r.status == "stopped" and r.end.get("reason") == "deadlock":
        return "deadlock"
    return r.status


class Gallery(unittest.TestCase):
    def check(self, entry: dict, clock: str) -> None:
        with open(os.path.join(GALLERY, entry["file"]), encoding="utf-8") as f:
            source = f.read()
        r = run(source, clock=clock)
        detail = r.end.get("error", {}).get("traceback") or r.end.get("message") or ""
        self.assertEqual(_ending(r), entry["end"], f"{entry['file']} ({clock}) ended {r.status}: {detail}")
        self.assertNotEqual(r.stdout(), "", f"{entry['file']} printed nothing")
        self.assertLess(r.virtual_time, 30, f"{entry['file']} is meant to be short")


for _entry in CATALOG:
    for _clock in ("ideal", "realistic"):
        setattr(Gallery, f"test_{_clock}_{_entry['id'].replace('-', '_')}",
                lambda self, e=_entry, c=_clock: self.check(e, c))


class GalleryIsComplete(unittest.TestCase):
    def test_the_catalog_lists_every_program_once(self):
        self.assertTrue(CATALOG, f"no gallery catalog at {GALLERY}")
        listed = sorted(e["file"] for e in CATALOG)
        on_disk = sorted(n for n in os.listdir(GALLERY) if n.endswith(".py"))
        self.assertEqual(listed, on_disk)
        self.assertGreaterEqual(len(CATALOG), 18)

    def test_every_example_has_a_title_and_lesson_in_both_languages(self):
        for e in CATALOG:
            for field in ("title", "lesson"):
                self.assertTrue(e[field]["en"].strip() and e[field]["zh-CN"].strip(), f"{e['id']} {field}")


if __name__ == "__main__":
    unittest.main()
