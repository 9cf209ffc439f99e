"""The forms engine (forms, sections, questions), questionnaires with their responses, and award nominations."""

from surveys.models.forms import Form, Question, Section
from surveys.models.nominations import SCORE_MAX, Criterion, Juror, Nomination, NominationCall, Score
from surveys.models.questionnaires import AnswerFile, Questionnaire, Response

__all__ = [
    "SCORE_MAX",
    "AnswerFile",
    "Criterion",
    "Form",
    "Juror",
    "Nomination",
    "NominationCall",
    "Question",
    "Questionnaire",
    "Response",
    "Score",
    "Section",
]
