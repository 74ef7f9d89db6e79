"""Anonymous posting, allowed or not per shared space: enforced where every form is sent.

The assembly names which forms (and which of their answers) post anonymously into which space;
this wraps them so a form that asks for anonymity in a space whose leads turned it off is
refused under that field, before the capability stores or sends anything."""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.core.errors import Refused
from bot.core.values import Caller, SpacePurpose
from bot.leads import wording
from bot.leads.service import Leads
from bot.ui.catalogue import Catalogue, Reply, SubmitRun
from bot.ui.forms import Answers


@dataclass(frozen=True, slots=True)
class AnonymousWhen:
    """A form posts anonymously into `space` when its `field` is `value` ('yes' for yes/no)."""

    form: str
    field: str
    value: str
    space: SpacePurpose


def chosen(answers: Answers, rule: AnonymousWhen) -> bool:
    if rule.value == "yes":
        return answers.yes(rule.field)
    return answers.choice(rule.field) == rule.value


def guarded(catalogue: Catalogue, rules: list[AnonymousWhen], leads: Leads) -> Catalogue:
    """The catalogue, with each named form's submission checked first."""
    for rule in rules:
        spec = catalogue.forms.get(rule.form)
        if spec is not None:
            catalogue.forms[rule.form] = replace(spec, submit=_checked(spec.submit, rule, leads))
    return catalogue


def _checked(submit: SubmitRun, rule: AnonymousWhen, leads: Leads) -> SubmitRun:
    def run(caller: Caller, answers: Answers) -> Reply:
        if chosen(answers, rule) and not leads.anonymous_allowed(caller, rule.space):
            raise Refused(wording.ANONYMOUS_OFF, field=rule.field)
        return submit(caller, answers)

    return run
