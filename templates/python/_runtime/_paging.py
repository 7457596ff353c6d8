"""Iterating over paged results: every item across pages, or page by page."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

PageFetcher = Callable[[str | None], tuple[list[T], str | None]]
AsyncPageFetcher = Callable[[str | None], Awaitable[tuple[list[T], str | None]]]


class ItemPaged(Generic[T]):
    """Lazily fetches pages: nothing is requested until iteration starts.

    ``fetch(token)`` returns one page's items and the next page's token (None at the end).
    """

    def __init__(self, fetch: PageFetcher[T]) -> None:
        self._fetch = fetch
        self._iterator: Iterator[T] | None = None

    def __iter__(self) -> Iterator[T]:
        return self

    def __next__(self) -> T:
        # One lazy pass over all pages, as azure-core's ItemPaged: next() works directly.
        if self._iterator is None:
            self._iterator = (item for page in self.by_page() for item in page)
        return next(self._iterator)

    def by_page(self, continuation_token: str | None = None) -> Iterator[list[T]]:
        token = continuation_token
        while True:
            items, token = self._fetch(token)
            yield items
            if not token:
                return


class AsyncItemPaged(Generic[T]):
    """The async twin of :class:`ItemPaged`: ``async for item in client.list(...)``."""

    def __init__(self, fetch: AsyncPageFetcher[T]) -> None:
        self._fetch = fetch
        self._iterator: AsyncIterator[T] | None = None

    async def _items(self) -> AsyncIterator[T]:
        async for page in self.by_page():
            for item in page:
                yield item

    def __aiter__(self) -> AsyncIterator[T]:
        return self

    async def __anext__(self) -> T:
        if self._iterator is None:
            self._iterator = self._items()
        return await anext(self._iterator)

    async def by_page(self, continuation_token: str | None = None) -> AsyncIterator[list[T]]:
        token = continuation_token
        while True:
            items, token = await self._fetch(token)
            yield items
            if not token:
                return
