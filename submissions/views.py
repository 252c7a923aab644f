"""The public side of outside voices: the Write for us page, the emailed links, the letters.

Pages that carry a form (and so a CSRF token) are ``never_cache``: the page cache never
stores them, so no reader is handed another's token. Nothing personal is ever put in a
message or a cached page; the thank-you page is the same for everyone, bots included.
"""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.csp import CSP
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csp import csp_override
from django.views.generic import ListView, TemplateView
from django_altcha import get_altcha_challenge

from articles.models import Article
from articles.views import ArticleDetailView
from opinion_blog import rate_limits
from opinion_blog.client_ip import client_ip

from . import links, workflow
from .forms import FORMS, PREFIXES, LetterForm, OpEdForm
from .models import Kind, Submission

# The proof-of-work widget solves in a Web Worker it starts from a blob: address.
FORM_PAGE_CSP = {**settings.SECURE_CSP, "worker-src": [CSP.SELF, "blob:"]}
RATE_SCOPE = "submissions"


def _private(response):
    # The site's Referrer-Policy (same-origin) keeps the token in the address from leaving
    # the site; "no-referrer" would make browsers post these pages' forms with Origin: null.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def answered_article(slug):
    """The published article a letter answers, from its slug; None for anything else."""
    if not isinstance(slug, str) or not 0 < len(slug) <= 200 or "\x00" in slug:
        return None
    return Article.objects.published().filter(slug=slug).only("slug", "title").first()


@method_decorator([never_cache, csp_override(FORM_PAGE_CSP)], name="dispatch")
class WriteForUsView(View):
    """Both forms on one page; ``?article=<slug>`` fills in the article a letter answers."""

    template_name = "submissions/write_for_us.html"

    def get(self, request):
        article = answered_article(request.GET.get("article"))
        forms = {
            Kind.OP_ED: OpEdForm(prefix=PREFIXES[Kind.OP_ED]),
            Kind.LETTER: LetterForm(
                prefix=PREFIXES[Kind.LETTER], initial={"article": article.slug} if article else {}
            ),
        }
        return self.render(forms, letter_article=article)

    def render(self, forms, status=200, letter_article=None):
        letter = forms[Kind.LETTER]
        if letter_article is None and letter.is_bound:
            letter_article = answered_article(letter["article"].value())
        context = {
            "op_ed_form": forms[Kind.OP_ED],
            "letter_form": letter,
            "letter_article": letter_article,
            "limits": settings.SUBMISSION_WORD_LIMITS,
        }
        return TemplateResponse(self.request, self.template_name, context, status=status)


class SubmitView(WriteForUsView):
    """POST of one form: the rate limit, the bot checks, then the form; one door for the public."""

    kind = None
    http_method_names = ["post"]

    def post(self, request):
        prefix = PREFIXES[self.kind]
        form = FORMS[self.kind](request.POST, prefix=prefix)
        other = Kind.LETTER if self.kind == Kind.OP_ED else Kind.OP_ED
        forms = {self.kind: form, other: FORMS[other](prefix=PREFIXES[other])}
        allowed = rate_limits.allow(
            RATE_SCOPE,
            client_ip(request) or "unknown",
            limit=settings.SUBMISSION_RATE_LIMIT,
            per_seconds=settings.SUBMISSION_RATE_WINDOW_SECONDS,
        )
        if not allowed:
            response = TemplateResponse(request, "submissions/rate_limited.html", status=429)
            response["Retry-After"] = str(settings.SUBMISSION_RATE_WINDOW_SECONDS)
            return response
        if form.is_bot():
            return HttpResponseRedirect(reverse("submissions:thanks"))
        if not form.is_valid():
            return self.render(forms)
        workflow.receive(kind=self.kind, cleaned=form.cleaned_data)
        return HttpResponseRedirect(reverse("submissions:thanks"))


class OpEdSubmitView(SubmitView):
    kind = Kind.OP_ED


class LetterSubmitView(SubmitView):
    kind = Kind.LETTER


class ThanksView(TemplateView):
    """The same page for everyone who sent a form, bots included: it says nothing about them."""

    template_name = "submissions/thanks.html"


@method_decorator(never_cache, name="dispatch")
class ChallengeView(View):
    """A fresh ALTCHA challenge, signed here; never cached, since each is single-use."""

    def get(self, request):
        challenge = get_altcha_challenge(max_number=settings.ALTCHA_MAX_NUMBER)
        return JsonResponse(challenge.to_dict())


@method_decorator(never_cache, name="dispatch")
class EmailLinkView(View):
    """GET shows a button and POST acts, so a mail scanner opening the link changes nothing."""

    template_name = ""

    def submission(self, token):
        pk = self.read(token)
        if pk is None:
            return None
        return Submission.objects.filter(pk=pk).first()

    def get(self, request, token):
        submission = self.submission(token)
        if submission is None:
            return self.invalid()
        return _private(
            TemplateResponse(request, self.template_name, {"submission": submission, "done": False})
        )

    def invalid(self):
        return _private(TemplateResponse(self.request, "submissions/link_invalid.html", status=404))


class VerifyView(EmailLinkView):
    template_name = "submissions/verify.html"
    read = staticmethod(links.verified_pk)

    def post(self, request, token):
        submission = self.submission(token)
        if submission is None:
            return self.invalid()
        submission, _ = workflow.verify(submission)
        return _private(
            TemplateResponse(request, self.template_name, {"submission": submission, "done": True})
        )


class WithdrawView(EmailLinkView):
    template_name = "submissions/withdraw.html"
    read = staticmethod(links.withdraw_pk)

    def post(self, request, token):
        submission = self.submission(token)
        if submission is None:
            return self.invalid()
        error = ""
        try:
            submission = workflow.withdraw(submission)
        except workflow.SubmissionError as refused:
            error = str(refused)
        context = {"submission": submission, "done": not error, "error": error}
        return _private(TemplateResponse(request, self.template_name, context))


@method_decorator(never_cache, name="dispatch")
class SignOffView(ArticleDetailView):
    """The edited version of an accepted op-ed for its writer, with Approve and Comment."""

    template_name = "submissions/sign_off.html"

    def get(self, request, token):
        return self.respond(token)

    def post(self, request, token):
        sign_off = workflow.sign_off_for(token)
        if sign_off is None:
            return self.unavailable()
        error = ""
        try:
            workflow.answer_sign_off(
                sign_off,
                approve="approve" in request.POST,
                comment=request.POST.get("comment", "")[:6000],
            )
        except workflow.SubmissionError as refused:
            error = str(refused)
        return self.respond(token, answered=not error, error=error)

    def respond(self, token, answered=False, error=""):
        sign_off = workflow.sign_off_for(token)
        if sign_off is None:
            return self.unavailable()
        self.object = self.base_queryset().get(pk=sign_off.submission.draft_article_id)
        sign_off.refresh_from_db()
        context = self.get_context_data(
            object=self.object, sign_off=sign_off, answered=answered, error=error
        )
        return _private(self.render_to_response(context))

    def get_context_data(self, **kwargs):
        from django.views.generic import DetailView

        return DetailView.get_context_data(self, preview=True, shared=True, **kwargs)

    def unavailable(self):
        return _private(TemplateResponse(self.request, "submissions/link_invalid.html", status=404))


# Letters --------------------------------------------------------------------------------------

LETTER_FIELDS = ("name", "town", "published_text", "published_at", "article")
DAYS_PER_PAGE = 10


def letters_queryset():
    return (
        Submission.objects.published_letters()
        .select_related("article")
        .only(
            *LETTER_FIELDS,
            "kind",
            "state",
            "article__title",
            "article__slug",
            "article__status",
            "article__published_at",
        )
        .order_by("-published_at", "-pk")
    )


def day_bounds(day):
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, start + timedelta(days=1)


class LettersView(ListView):
    """The newest days with letters, newest first, each with its letters."""

    template_name = "submissions/letters.html"
    context_object_name = "letters"

    def get_queryset(self):
        # The newest days first; a day's letters all come together (bounded by the day count).
        days = []
        for published_at in (
            Submission.objects.published_letters()
            .order_by("-published_at")
            .values_list("published_at", flat=True)[:200]
        ):
            day = timezone.localtime(published_at).date()
            if day not in days:
                days.append(day)
            if len(days) == DAYS_PER_PAGE:
                break
        if not days:
            return []
        start, _ = day_bounds(days[-1])
        return list(letters_queryset().filter(published_at__gte=start))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["days"] = group_by_day(context["letters"])
        return context


def group_by_day(letters):
    days = {}
    for letter in letters:
        days.setdefault(timezone.localtime(letter.published_at).date(), []).append(letter)
    return list(days.items())


class LettersDayView(ListView):
    template_name = "submissions/letters_day.html"
    context_object_name = "letters"

    def get_queryset(self):
        try:
            self.day = date.fromisoformat(self.kwargs["day"])
        except ValueError:
            raise Http404("No such day.") from None
        start, end = day_bounds(self.day)
        letters = list(letters_queryset().filter(published_at__gte=start, published_at__lt=end))
        if not letters:
            raise Http404("No letters that day.")
        return letters

    def get_context_data(self, **kwargs):
        return super().get_context_data(day=self.day, **kwargs)


class PrivacyView(TemplateView):
    template_name = "submissions/privacy.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            unverified_days=settings.SUBMISSION_UNVERIFIED_DAYS,
            retention_days=settings.SUBMISSION_RETENTION_DAYS,
            **kwargs,
        )
