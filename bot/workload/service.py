"""Pool the work: "I'm swamped", with the tasks that could move; colleagues take them.

Serves sharing workload (11 of 15 GPs: "we pool the work"), job demands and camaraderie. It
reaches colleagues free now first (bot/core/free.py), else the practice's channel; each task is
taken whole by exactly one colleague (a conditional UPDATE), the asker sees who took what, can
thank them and can withdraw what is left. The words pass the guard and are not kept.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from bot.core.delivery import DeliveryKind
from bot.core.errors import Refused
from bot.core.free import free_now
from bot.core.message import Button, Message
from bot.core.service import PeerService
from bot.core.text import Text
from bot.core.values import Caller, Member, Practice, Space, SpacePurpose
from bot.safety import checks as safety
from bot.workload import wording
from bot.workload.ports import WorkloadTx
from bot.workload.values import Destination, Due, Pool, PoolAction, Task, TaskKind


@dataclass(frozen=True, slots=True)
class PoolRequest:
    """What the swamped GP filled in."""

    tasks: tuple[TaskKind, ...]
    how_many: int = 1
    due: Due = Due.TODAY
    to: Destination = Destination.FREE_FIRST
    note: str = ""


@dataclass(frozen=True, slots=True)
class Pooled:
    """Where the request went, for the confirmation."""

    where: str  # the channel's name when it went there
    reached: int  # colleagues free now reached directly
    fell_back: bool  # they asked for colleagues free now, and nobody was
    signposted: bool


class Workload(PeerService[WorkloadTx]):
    """Pool requests out; claims, thanks and withdrawals back."""

    def pool(self, caller: Caller, request: PoolRequest, *, key: str) -> Pooled:
        """Guard the note, then send the request; `key` makes a resubmission a no-op."""
        if not request.tasks:
            raise Refused(wording.PICK_A_TASK, field="tasks")
        note, signposted = "", False
        if request.note.strip():
            note, signposted = safety.guarded(self, caller, request.note, key=key, private=False)
        with self.uow() as tx:
            practice, _ = self.practices.resolve(tx, caller)
            free = free_now(tx, practice, self.clock.now(), besides=caller.user)
        wanted_free = request.to is Destination.FREE_FIRST
        space = None
        if not (wanted_free and free):
            _, _, space = self.practices.ready(caller, need=SpacePurpose.ADVICE)
        with self.uow() as tx:
            if tx.events.claim(key, self.clock.now()):
                self._send(
                    tx, practice, caller.user, request, note, free if not space else [], space
                )
        reached = 0 if space else len(free)
        return Pooled(space.name if space else "", reached, wanted_free and not free, signposted)

    def _send(
        self,
        tx: WorkloadTx,
        practice: Practice,
        asker: str,
        request: PoolRequest,
        note: str,
        free: list[Member],
        space: Space | None,
    ) -> None:
        pool = Pool(str(uuid.uuid4()), practice.id, asker, request.due, self.clock.now())
        tasks = tx.pools.add(pool, [(kind, request.how_many) for kind in request.tasks])
        for member in free:
            message = _request(pool, tasks, note, free=True)
            self.outbox.send(
                tx, practice, member.user_id, message, f"pool:{pool.id}:{member.user_id}"
            )
        if space is not None:
            message = _request(pool, tasks, note, free=False)
            self.outbox.send(
                tx,
                practice,
                space.channel_id,
                message,
                f"pool:{pool.id}",
                kind=DeliveryKind.POST,
                notify=asker,
            )
        fell_back = request.to is Destination.FREE_FIRST and space is not None
        receipt = wording.receipt(space.name if space else "", len(free), fell_back=fell_back)
        withdraw = Button(PoolAction.WITHDRAW, wording.WITHDRAW, pool.id)
        self.outbox.send(
            tx, practice, asker, Message(receipt, (withdraw,)), f"pool-receipt:{pool.id}"
        )

    def claim(self, caller: Caller, task_id: str) -> Text:
        """'I'll take it': exactly one colleague gets each task; the others are told kindly."""
        with self.uow() as tx:
            practice, pool, task = self._task(tx, caller, task_id)
            if pool.asker == caller.user:
                return Text(wording.OWN_TASK)
            if not tx.pools.claim(task.id, caller.user, self.clock.now()):
                return _not_yours(tx, task.id, caller.user)
            words = wording.task_words(task.kind, task.how_many)
            tx.contacts.record(practice.id, caller.user, pool.asker, self.clock.now())
            thank = Button(PoolAction.THANK, wording.THANK, str(task.id))
            self.outbox.send(
                tx,
                practice,
                pool.asker,
                Message(wording.claimed_for_asker(caller.user, words), (thank,)),
                f"pool-claimed:{task.id}",
            )
            return wording.claimed_for_claimer(pool.asker, words, pool.due)

    def thank(self, caller: Caller, task_id: str) -> str:
        """The asker thanks whoever took a task (once); it reaches them privately."""
        with self.uow() as tx:
            practice, pool, task = self._task(tx, caller, task_id, open_only=False)
            if pool.asker != caller.user:
                raise Refused(wording.ONLY_ASKER)
            if not task.claimed_by:
                raise Refused(wording.NOT_TAKEN_YET)
            if tx.pools.thank(task.id):
                words = wording.task_words(task.kind, task.how_many)
                message = Message(wording.thanked(caller.user, words))
                self.outbox.send(tx, practice, task.claimed_by, message, f"pool-thanks:{task.id}")
        return wording.THANKS_SENT

    def withdraw(self, caller: Caller, pool_id: str) -> str:
        """The asker withdraws whatever nobody has taken."""
        with self.uow() as tx:
            pool = tx.pools.get(pool_id)
            self.practices.owning(tx, caller, pool, wording.GONE)
            assert pool is not None  # owning refuses a pool that is gone
            if pool.asker != caller.user:
                raise Refused(wording.ONLY_ASKER)
            return wording.withdrawn(tx.pools.withdraw(pool.id, self.clock.now()))

    def _task(
        self, tx: WorkloadTx, caller: Caller, task_id: str, *, open_only: bool = True
    ) -> tuple[Practice, Pool, Task]:
        """A task, its pool and their practice (the caller's, or refused as gone)."""
        task = tx.pools.task(int(task_id)) if task_id.isdigit() else None
        pool = tx.pools.get(task.pool_id) if task else None
        practice = self.practices.owning(tx, caller, pool, wording.GONE)
        if task is None or pool is None or (open_only and task.withdrawn and not task.claimed_by):
            raise Refused(wording.GONE)
        return practice, pool, task


def _not_yours(tx: WorkloadTx, task_id: int, me: str) -> Text:
    task = tx.pools.task(task_id)
    if task is None or not task.claimed_by:
        return Text(wording.GONE)
    return (
        Text(wording.ALREADY_YOURS)
        if task.claimed_by == me
        else wording.got_there_first(task.claimed_by)
    )


def _request(pool: Pool, tasks: list[Task], note: str, *, free: bool) -> Message:
    words = [wording.task_words(t.kind, t.how_many) for t in tasks]
    buttons = tuple(
        Button(PoolAction.CLAIM, wording.take_label(w), str(t.id), primary=i == 0)
        for i, (t, w) in enumerate(zip(tasks, words, strict=True))
    )
    text = wording.request_text(pool.asker, pool.due, note, words, free=free)
    return Message(text, buttons, note=wording.REQUEST_NOTE)
