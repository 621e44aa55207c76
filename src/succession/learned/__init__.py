"""Learned decisions over rule-made candidates: which candidates are changes, and at which organisation."""
from .candidates import COARSE, Candidate, OrgOption, candidates_of
from .decide import decide
from .model import EventModel, LinearModel, load_event_model

__all__ = ["COARSE", "Candidate", "EventModel", "LinearModel", "OrgOption", "candidates_of", "decide",
           "load_event_model"]
