"""Refreshing temporary credentials: botocore's windows, one refresh at a time, async and
duck typing."""

from __future__ import annotations

import asyncio
import itertools
import logging
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from _runtime._aws_config import AwsCredentials, CredentialRetrievalError, PartialCredentialsError
from _runtime._aws_refresh import (
    ForeignCredentials,
    RefreshableCredentials,
    frozen_credentials_async,
    parse_timestamp,
)
from _runtime._credentials import resolve_credentials

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class Issuer:
    """A fetch function handing out numbered credentials valid for one hour."""

    def __init__(self, clock: Clock, *, lifetime: timedelta = timedelta(hours=1)) -> None:
        self.clock = clock
        self.lifetime = lifetime
        self.calls = 0
        self.fail: Exception | None = None
        self.gate: threading.Event | None = None
        self.entered = threading.Event()

    def __call__(self) -> AwsCredentials:
        self.calls += 1
        self.entered.set()
        if self.gate is not None:
            assert self.gate.wait(10)
        if self.fail is not None:
            raise self.fail
        n = self.calls
        return AwsCredentials(
            f"ASIA{n}", f"secret-{n}", f"token-{n}", expiration=self.clock() + self.lifetime
        )


def test_nothing_is_fetched_before_first_use_and_then_cached() -> None:
    clock = Clock()
    issuer = Issuer(clock)
    creds = RefreshableCredentials(issuer, clock=clock)
    assert issuer.calls == 0 and creds.refresh_needed()
    first = creds.get_frozen_credentials()
    assert first.access_key_id == "ASIA1" and issuer.calls == 1
    clock.advance(minutes=44)  # 16 minutes left: outside the advisory window
    assert creds.get_frozen_credentials() is first
    assert issuer.calls == 1


def test_advisory_window_refreshes_and_keeps_current_on_failure(
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock = Clock()
    issuer = Issuer(clock)
    creds = RefreshableCredentials(issuer, clock=clock)
    first = creds.get_frozen_credentials()
    clock.advance(minutes=46)  # 14 minutes left: advisory
    issuer.fail = CredentialRetrievalError("STS is down")
    with caplog.at_level(logging.WARNING):
        assert creds.get_frozen_credentials() is first  # failure logged, current kept
    assert issuer.calls == 2
    assert "advisory window" in caplog.text
    # The next advisory attempt waits 30 s instead of stalling every request.
    assert creds.get_frozen_credentials() is first
    assert issuer.calls == 2
    clock.advance(seconds=31)
    issuer.fail = None
    assert creds.get_frozen_credentials().access_key_id == "ASIA3"


def test_mandatory_window_raises_the_failure() -> None:
    clock = Clock()
    issuer = Issuer(clock)
    creds = RefreshableCredentials(issuer, clock=clock)
    creds.get_frozen_credentials()
    clock.advance(minutes=51)  # 9 minutes left: mandatory
    issuer.fail = CredentialRetrievalError("STS is down")
    with pytest.raises(CredentialRetrievalError, match="STS is down"):
        creds.get_frozen_credentials()
    issuer.fail = None
    assert creds.get_frozen_credentials().access_key_id == "ASIA3"


def test_first_fetch_failure_raises_and_is_retried() -> None:
    clock = Clock()
    issuer = Issuer(clock)
    issuer.fail = CredentialRetrievalError("nope")
    creds = RefreshableCredentials(issuer, clock=clock)
    with pytest.raises(CredentialRetrievalError):
        creds.get_frozen_credentials()
    issuer.fail = None
    assert creds.get_frozen_credentials().access_key_id == "ASIA2"


def test_already_expired_answer_is_refused_in_the_mandatory_window() -> None:
    clock = Clock()
    issuer = Issuer(clock, lifetime=timedelta(seconds=-1))
    creds = RefreshableCredentials(issuer, clock=clock, method="custom-process")
    with pytest.raises(CredentialRetrievalError, match="custom-process returned credentials"):
        creds.get_frozen_credentials()


def test_credentials_without_expiration_are_fetched_once() -> None:
    calls = []

    def fetch() -> AwsCredentials:
        calls.append(1)
        return AwsCredentials("AKID", "S")

    creds = RefreshableCredentials(fetch)
    for _ in range(3):
        assert creds.get_frozen_credentials().access_key_id == "AKID"
    assert len(calls) == 1 and not creds.refresh_needed()


def test_many_threads_in_the_mandatory_window_cause_exactly_one_refresh() -> None:
    clock = Clock()
    issuer = Issuer(clock)
    creds = RefreshableCredentials(issuer, clock=clock)
    creds.get_frozen_credentials()
    clock.advance(minutes=55)
    issuer.gate = threading.Event()
    issuer.entered.clear()
    results: list[str] = []
    barrier = threading.Barrier(33)

    def worker() -> None:
        barrier.wait()
        results.append(creds.get_frozen_credentials().access_key_id)

    threads = [threading.Thread(target=worker) for _ in range(32)]
    for thread in threads:
        thread.start()
    barrier.wait()
    assert issuer.entered.wait(5)
    time.sleep(0.1)  # let every thread reach the lock
    issuer.gate.set()
    for thread in threads:
        thread.join(10)
    assert issuer.calls == 2  # the first fetch and exactly one refresh
    assert results == ["ASIA2"] * 32  # everyone waited for the fresh set


def test_advisory_refresh_does_not_block_other_threads() -> None:
    clock = Clock()
    issuer = Issuer(clock)
    creds = RefreshableCredentials(issuer, clock=clock)
    first = creds.get_frozen_credentials()
    clock.advance(minutes=47)  # advisory
    issuer.gate = threading.Event()
    issuer.entered.clear()
    refresher = threading.Thread(target=creds.get_frozen_credentials)
    refresher.start()
    assert issuer.entered.wait(5)  # the refresh is in progress, stuck on the gate
    seen: list[AwsCredentials] = []
    others = [threading.Thread(target=lambda: seen.append(creds.get_frozen_credentials()))]
    others += [threading.Thread(target=lambda: seen.append(creds.get_frozen_credentials()))]
    started = time.monotonic()
    for thread in others:
        thread.start()
    for thread in others:
        thread.join(5)
    assert time.monotonic() - started < 1.0
    assert seen == [first, first]  # still valid: used while the refresh runs
    issuer.gate.set()
    refresher.join(5)
    assert issuer.calls == 2
    assert creds.get_frozen_credentials().access_key_id == "ASIA2"


def test_snapshot_is_consistent_while_refreshing() -> None:
    # Readers racing a stream of refreshes must never mix the parts of two sets.
    clock = Clock()
    issuer = Issuer(clock, lifetime=timedelta(minutes=5))  # always in the mandatory window
    creds = RefreshableCredentials(issuer, clock=clock)
    stop = threading.Event()
    mixed: list[AwsCredentials] = []

    def reader() -> None:
        while not stop.is_set():
            snap = creds.get_frozen_credentials()
            number = snap.access_key_id[4:]
            if (
                snap.secret_access_key != f"secret-{number}"
                or snap.session_token != f"token-{number}"
            ):
                mixed.append(snap)

    threads = [threading.Thread(target=reader) for _ in range(8)]
    for thread in threads:
        thread.start()
    time.sleep(0.3)
    stop.set()
    for thread in threads:
        thread.join(5)
    assert issuer.calls > 10 and mixed == []


async def test_async_refresh_runs_off_the_event_loop() -> None:
    loop_thread = threading.get_ident()
    fetch_threads: list[int] = []

    def slow_fetch() -> AwsCredentials:
        fetch_threads.append(threading.get_ident())
        time.sleep(0.3)
        return AwsCredentials(
            "ASIASLOW", "s", "t", expiration=datetime.now(UTC) + timedelta(hours=1)
        )

    creds = RefreshableCredentials(slow_fetch)
    ticks: list[float] = []

    async def ticker() -> None:
        for _ in range(10):
            ticks.append(time.monotonic())
            await asyncio.sleep(0.03)

    frozen, _ = await asyncio.gather(frozen_credentials_async(creds), ticker())
    assert frozen.access_key_id == "ASIASLOW"
    assert fetch_threads and fetch_threads[0] != loop_thread
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert max(gaps) < 0.2  # the loop kept ticking during the 0.3 s fetch
    # Valid credentials: no thread hop.
    assert await frozen_credentials_async(creds) is frozen
    assert len(fetch_threads) == 1


class BotocoreLike:
    """The duck type of botocore's RefreshableCredentials (no botocore import)."""

    def __init__(self) -> None:
        self.frozen_calls = 0

    def refresh_needed(self) -> bool:
        return False

    def get_frozen_credentials(self) -> object:
        from collections import namedtuple

        self.frozen_calls += 1
        ReadOnly = namedtuple("ReadOnly", "access_key secret_key token account_id")
        return ReadOnly(f"AKID{self.frozen_calls}", "SECRETLIKE", None, None)


def test_any_get_frozen_credentials_object_is_accepted_and_asked_every_time() -> None:
    provider = BotocoreLike()
    source = resolve_credentials(provider)
    assert isinstance(source, ForeignCredentials)
    assert source.get_frozen_credentials() == AwsCredentials("AKID1", "SECRETLIKE")
    assert source.get_frozen_credentials().access_key_id == "AKID2"  # its refresh logic rules
    assert "SECRETLIKE" not in repr(source)


def test_botocore_credentials_objects_are_accepted() -> None:
    from botocore.credentials import Credentials
    from botocore.credentials import RefreshableCredentials as BotoRefreshable

    static = resolve_credentials(Credentials("AKIDB", "SB", "TB"))
    assert static.get_frozen_credentials() == AwsCredentials("AKIDB", "SB", "TB")
    assert static.refresh_needed() is False

    issued = []

    def refresh() -> dict[str, str]:
        issued.append(1)
        expiry = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
        return {
            "access_key": f"AKR{len(issued)}",
            "secret_key": "SR",
            "token": "TR",
            "expiry_time": expiry,
        }

    deferred = BotoRefreshable.create_from_metadata(
        {
            "access_key": "OLD",
            "secret_key": "S",
            "token": "T",
            "expiry_time": (datetime.now(UTC) + timedelta(minutes=5)).isoformat(),
        },
        refresh_using=refresh,
        method="test",
    )
    source = resolve_credentials(deferred)
    assert source.refresh_needed() is True  # within botocore's window: the async client threads it
    assert source.get_frozen_credentials().access_key_id == "AKR1"
    assert source.refresh_needed() is False


@pytest.mark.parametrize(
    "frozen, missing",
    [((None, "S", None), "access_key"), (("K", "", None), "secret_key"), (("K", "S", 5), "token")],
)
def test_foreign_credentials_are_validated_without_showing_them(
    frozen: tuple[object, object, object], missing: str
) -> None:
    class Odd:
        def get_frozen_credentials(self) -> object:
            from types import SimpleNamespace

            return SimpleNamespace(access_key=frozen[0], secret_key=frozen[1], token=frozen[2])

    with pytest.raises(PartialCredentialsError, match=missing) as info:
        resolve_credentials(Odd()).get_frozen_credentials()
    assert "'S'" not in str(info.value)


def test_reprs_hide_secrets() -> None:
    creds = AwsCredentials("AKIDEXAMPLE", "supersecret", "sessiontoken", expiration=T0)
    refreshable = RefreshableCredentials(lambda: creds, method="sso", clock=lambda: T0 - HOUR)
    assert "not fetched yet" in repr(refreshable)
    refreshable.get_frozen_credentials()
    for text in (repr(creds), str(creds), repr(refreshable)):
        assert "supersecret" not in text and "sessiontoken" not in text
    assert "AKIDEXAMPLE" in repr(refreshable) and "2024-05-01" in repr(creds)


def test_botocore_names_on_our_credentials() -> None:
    creds = AwsCredentials("AKID", "S", "T")
    assert (creds.access_key, creds.secret_key, creds.token) == ("AKID", "S", "T")
    assert creds.get_frozen_credentials() is creds and not creds.refresh_needed()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2024-05-01T12:00:00Z", T0),
        ("2024-05-01T12:00:00.123Z", T0 + timedelta(milliseconds=123)),
        ("2024-05-01T14:00:00+02:00", T0),
        ("2024-05-01T12:00:00UTC", T0),
        ("2024-05-01T12:00:00", T0),
    ],
)
def test_timestamps_of_every_source_parse(text: str, expected: datetime) -> None:
    assert parse_timestamp(text) == expected


def test_unparseable_timestamp_raises_value_error() -> None:
    with pytest.raises(ValueError):
        parse_timestamp("tomorrow")
