"""The placeholders of modules a dependency imports and ankigen never uses (`ankigen/unloaded.py`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import ankigen

HERE = str(Path(ankigen.__file__).resolve().parent.parent)


def _run(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [HERE, os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_packaging_leaves_yaml_unloaded_until_it_is_used():
    out = _run("import sys, ankigen.package, genanki.model\n"
               "print(type(sys.modules['yaml']).__name__, 'safe_load' in vars(genanki.model.yaml))\n"
               "import yaml\n"
               "print(yaml.safe_load('a: [1, 2]'), type(sys.modules['yaml']).__name__)\n"
               "print(genanki.model.yaml.full_load('- x'), yaml.constructor.SafeConstructor.__name__)\n")
    assert out.splitlines() == ["Unloaded False", "{'a': [1, 2]} module", "['x'] SafeConstructor"]


def test_a_sidecar_read_after_packaging_is_parsed(tmp_path):
    notes = tmp_path / "n.txt"
    notes.write_text("x", encoding="utf-8")
    notes.with_suffix(".yaml").write_text("deck: Placeholder test deck\n", encoding="utf-8")
    code = (f"import sys, ankigen.package\nfrom ankigen.sidecar import load_sidecar\nfrom pathlib import Path\n"
            f"print(load_sidecar(Path({str(notes)!r})).deck)")
    assert _run(code).splitlines()[-1] == "Placeholder test deck"


def test_a_module_already_loaded_is_left_as_it_is():
    out = _run("import sys, yaml\nfrom ankigen.unloaded import defer\ndefer('yaml')\n"
               "print(sys.modules['yaml'] is yaml)\n"
               "defer('no_such_module_here')\nprint('no_such_module_here' in sys.modules)")
    assert out.splitlines() == ["True", "False"]
