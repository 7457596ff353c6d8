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

    def __iter__(self) -> Iterator[T]:
        for page in self.by_page():
            yield from page

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

    async def _items(self) -> AsyncIterator[T]:
        async for page in self.by_page():
            for item in page:
                yield item

    def __aiter__(self) -> AsyncIterator[T]:
        return self._items()

    async def by_page(self, continuation_token: str | None = None) -> AsyncIterator[list[T]]:
        token = continuation_token
        while True:
            items, token = await self._fetch(token)
            yield items
            if not token:
                return
