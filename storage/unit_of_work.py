"""The unit of work: one transaction per inbound event or scheduler tick."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session, sessionmaker

from storage.database import READING
from storage.repos.advice import SqlAnswers, SqlQuestions
from storage.repos.checkins import SqlCheckins
from storage.repos.contacts import SqlContacts
from storage.repos.events import SqlAudit, SqlEvents
from storage.repos.free_now import SqlFree
from storage.repos.leads import SqlActivity, SqlPracticeSettings, SqlReviews
from storage.repos.mentoring import SqlMentoring
from storage.repos.nudges import SqlNudges
from storage.repos.outbox import SqlOutbox
from storage.repos.pairing import SqlPairing
from storage.repos.people import SqlLeads, SqlMembers, SqlPractices, SqlSpaces
from storage.repos.personal_data import SqlPersonalData
from storage.repos.preferences import SqlPreferences
from storage.repos.protected_time import SqlClosures, SqlSlotAnswers, SqlSlots
from storage.repos.rants import SqlRants
from storage.repos.teams import SqlTeams
from storage.repos.welcome import SqlWelcomes
from storage.repos.workload import SqlPools


class SqlTx:
    """The repositories bound to one session."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.practices = SqlPractices(session)
        self.members = SqlMembers(session)
        self.leads = SqlLeads(session)
        self.spaces = SqlSpaces(session)
        self.events = SqlEvents(session)
        self.outbox = SqlOutbox(session)
        self.audit = SqlAudit(session)
        self.rants = SqlRants(session)
        self.questions = SqlQuestions(session)
        self.answers = SqlAnswers(session)
        self.slots = SqlSlots(session)
        self.closures = SqlClosures(session)
        self.slot_answers = SqlSlotAnswers(session)
        self.preferences = SqlPreferences(session)
        self.checkins = SqlCheckins(session)
        self.nudges = SqlNudges(session)
        self.contacts = SqlContacts(session)
        self.free = SqlFree(session)
        self.pools = SqlPools(session)
        self.mentoring = SqlMentoring(session)
        self.pairing = SqlPairing(session)
        self.welcomes = SqlWelcomes(session)
        self.practice_settings = SqlPracticeSettings(session)
        self.activity = SqlActivity(session)
        self.reviews = SqlReviews(session)
        self.personal_data = SqlPersonalData(session)
        self.teams = SqlTeams(session)


class SqlUnitOfWork:
    """`with uow() as tx:` opens a transaction: committed on success, rolled back on error."""

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self.session_factory = session_factory

    @contextmanager
    def __call__(self) -> Iterator[SqlTx]:
        with self.session_factory.begin() as session:
            yield SqlTx(session)

    @contextmanager
    def read(self) -> Iterator[SqlTx]:
        """A transaction that mostly reads: on SQLite it takes no write lock up front, so a long
        pass over thousands of members, or a tap that only shows something, never queues behind
        (or holds up) a writer. Should it write after all (a newcomer learnt on the way), SQLite
        takes the lock then; it commits like any other."""
        with self.session_factory() as session:
            session.connection(execution_options={READING: True})
            try:
                yield SqlTx(session)
            except BaseException:
                session.rollback()
                raise
            session.commit()
