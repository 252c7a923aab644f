"""Index pages ranked by a value the writers keep, sorted by the database a page at a time.

/topics/ ranks topics by their kept article count and /authors/ columnists by the date
of their latest piece (``articles.counts``). A million articles bring 30,000 topics and
20,000 columnists: reading, sorting and storing the whole ranking after every change
cost 70 ms, though a page shows 60 entries. Here the database walks an index to the
page and stops.

A kept value includes articles scheduled for later, which readers cannot see yet. The
few entries it overstates are *corrected*: their true value is computed in the query.
The others keep their order among themselves, so a page from ``start`` to ``stop`` holds
only corrected entries and uncorrected ones from ``start - corrected`` to ``stop``: those
are read from the index and sorted with the corrected few, and counting the corrected
ones seen on the way gives each its place.
"""

from collections.abc import Sequence
from functools import cached_property

from django.db.models import Case, F, When

from opinion_blog.version_cache import cached


class KeptRanking:
    """A ranking of ``queryset`` (the rows with a kept value) by ``kept``, largest first,
    then by name; each entry carries its true value as ``attribute``.

    ``corrections()`` returns ``(pks, expression)``: the entries whose kept value is not
    what readers see yet and an expression for theirs. ``shown`` is the condition on
    ``attribute`` for a corrected entry to stay in (it may have nothing to show now).
    ``prepare(objects)``, if given, is called once on each page's objects when they load.
    Sliced, it gives one page, read only when looked into (a page kept whole under the
    content version never reads it); its length is kept under the version.
    """

    def __init__(self, name, queryset, *, kept, attribute, corrections, shown, prepare=None):
        self.name, self.queryset, self.kept, self.attribute = name, queryset, kept, attribute
        self._corrections, self.shown, self.prepare = corrections, shown, prepare

    @cached_property
    def corrections(self):
        return self._corrections()

    def count(self):
        return cached(f"{self.name}:count", self._count)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("A ranking is read a page at a time, by a plain slice.")
        return LazyPage(self, index.start or 0, index.stop)

    def __iter__(self):
        """Every entry as ``(pk, true value)``, best first: for checks, not for pages."""
        return iter(self._ranked(self.queryset).values_list("pk", self.attribute))

    def page(self, start, stop):
        """The objects from ``start`` to ``stop``, read now."""
        corrected, _ = self.corrections
        if not corrected:
            objects = list(self._ranked(self.queryset)[start:stop])
        else:
            objects = self._page_among_corrected(start, stop, set(corrected))
        if self.prepare:
            self.prepare(objects)
        return objects

    def _page_among_corrected(self, start, stop, corrected):
        first = max(0, start - len(corrected))
        window = list(
            self.queryset.exclude(pk__in=corrected)
            .order_by(*self._order(self.kept))
            .values_list("pk", flat=True)[first:stop]
        )
        page, plain_seen, corrected_seen = [], 0, 0
        for entry in self._ranked(self.queryset.filter(pk__in=[*window, *corrected])):
            if entry.pk in corrected:
                # Ahead of the whole window it is ahead of the page too, unless the window
                # starts at the top; the entries before the window are then not counted.
                place = None if plain_seen == 0 and first else first + plain_seen + corrected_seen
                corrected_seen += 1
            else:
                place = first + plain_seen + corrected_seen
                plain_seen += 1
            if place is not None and start <= place < stop:
                page.append(entry)
        return page

    def _count(self):
        corrected, _ = self.corrections
        if not corrected:
            return self.queryset.count()
        still_shown = self._ranked(self.queryset.filter(pk__in=corrected)).count()
        return self.queryset.exclude(pk__in=corrected).count() + still_shown

    def _ranked(self, rows):
        corrected, true_value = self.corrections
        if not corrected:
            rows = rows.annotate(**{self.attribute: F(self.kept)})
        else:
            kept_field = self.queryset.model._meta.get_field(self.kept)
            value = Case(
                When(pk__in=corrected, then=true_value),
                default=F(self.kept),
                output_field=kept_field,
            )
            rows = rows.annotate(**{self.attribute: value}).filter(self.shown)
        return rows.order_by(*self._order(self.attribute))

    @staticmethod
    def _order(field):
        return (F(field).desc(), "name", "pk")


class LazyPage(Sequence):
    """One page of a ranking, read on first use."""

    def __init__(self, ranking, start, stop):
        self.ranking, self.start, self.stop, self._objects = ranking, start, stop, None

    def __len__(self):
        return len(self.objects)

    def __getitem__(self, index):
        return self.objects[index]

    @property
    def objects(self):
        if self._objects is None:
            self._objects = self.ranking.page(self.start, self.stop)
        return self._objects
