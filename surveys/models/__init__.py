"""The forms engine (forms, sections, questions) and questionnaires with their responses."""

from surveys.models.forms import Form, Question, Section
from surveys.models.questionnaires import AnswerFile, Questionnaire, Response

__all__ = ["AnswerFile", "Form", "Question", "Questionnaire", "Response", "Section"]
