"""ankigen: turn a student's plain-text revision notes into an Anki deck."""

__version__ = "0.1.0"
