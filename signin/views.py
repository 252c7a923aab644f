"""The second sign-in step, enrolment, and one's own two-step settings, in the admin's look.

Plain forms that work without JavaScript. The QR code is an inline SVG made on the
server; the secret is also shown as text for apps (and oathtool) that take it typed.
"""

from axes.handlers.proxy import AxesProxyHandler
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, logout, user_login_failed
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView

from opinion_blog.lockout import lockout_response

from . import passkeys, second_factor
from .forms import CodeForm, EnrolForm
from .qr import qr_svg


def safe_next(request):
    """Where to go after the step: ?next= when it is on this site, else the dashboard."""
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("admin:index")


class AdminPage:
    admin_site = None
    title = ""

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            **self.admin_site.each_context(self.request),
            "title": self.title,
            "next": safe_next(self.request),
            "redirect_field_name": REDIRECT_FIELD_NAME,
        }


def signed_in_staff(request):
    user = request.user
    return user.is_authenticated and user.is_active and user.is_staff


def verified(request, device):
    """The session passed the step: a new session key, then the device recorded in it."""
    request.session.cycle_key()
    second_factor.mark_verified(request, device)


@method_decorator([never_cache, sensitive_post_parameters("code")], name="dispatch")
class SecondStepView(AdminPage, FormView):
    """The code asked after the password, for everyone who owes it."""

    form_class = CodeForm
    template_name = "signin/second_step.html"
    title = "Confirm it is you"

    def dispatch(self, request, *args, **kwargs):
        if not signed_in_staff(request):
            return redirect_to_login(safe_next(request), reverse("admin:login"))
        if not second_factor.is_pending(request.user):
            return redirect(safe_next(request))
        if not second_factor.is_enrolled(request.user):
            return redirect_to_login(safe_next(request), reverse("admin:second_step_enrol"))
        return super().dispatch(request, *args, **kwargs)

    def credentials(self):
        return {"username": self.request.user.get_username()}

    def post(self, request, *args, **kwargs):
        # Wrong codes count with wrong passwords, for this account from this address.
        if AxesProxyHandler.is_locked(request, self.credentials()):
            return lockout_response(request)
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "passkey": passkeys.available(self.request)
            and passkeys.passkeys_of(self.request.user).exists(),
        }

    def form_valid(self, form):
        verified(self.request, form.device)
        return redirect(safe_next(self.request))

    def form_invalid(self, form):
        if form.has_error("code", "wrong"):
            # django-axes counts it; past the limit its middleware answers with the lockout page.
            user_login_failed.send(
                sender=__name__, credentials=self.credentials(), request=self.request
            )
        return super().form_invalid(form)


@method_decorator([never_cache, sensitive_post_parameters("code")], name="dispatch")
class EnrolView(AdminPage, FormView):
    """Setting up an authenticator: on the first sign-in of someone who owes the step, or
    when a columnist chooses to. Refused once an authenticator is confirmed."""

    form_class = EnrolForm
    template_name = "signin/enrol.html"
    title = "Set up two-step sign-in"

    def dispatch(self, request, *args, **kwargs):
        if not signed_in_staff(request):
            return redirect_to_login(safe_next(request), reverse("admin:login"))
        if second_factor.is_enrolled(request.user):
            if second_factor.is_pending(request.user):
                return redirect_to_login(safe_next(request), reverse("admin:second_step"))
            return redirect("admin:second_step_settings")
        self.device = second_factor.pending_enrolment(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.device}

    def get_context_data(self, **kwargs):
        secret = second_factor.base32_secret(self.device)
        return {
            **super().get_context_data(**kwargs),
            "qr_code": mark_safe(qr_svg(self.device.config_url)),  # our own SVG, no user input
            "secret": secret,
            "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
            "required": second_factor.is_required(self.request.user),
        }

    def form_valid(self, form):
        self.device.refresh_from_db()
        verified(self.request, self.device)
        return show_recovery_codes(
            self.request, self.admin_site, form.recovery_codes, safe_next(self.request)
        )


def show_recovery_codes(request, admin_site, codes, next_url):
    """Recovery codes are shown once, in the response that made them; never again."""
    return TemplateResponse(
        request,
        "signin/recovery_codes.html",
        {
            **admin_site.each_context(request),
            "title": "Your recovery codes",
            "codes": codes,
            "next": next_url,
        },
    )


@method_decorator(never_cache, name="dispatch")
class CancelView(View):
    """Sign out from the second step (the admin's own logout needs a finished sign-in)."""

    http_method_names = ["post"]

    def post(self, request):
        logout(request)
        return redirect("admin:login")


@method_decorator(never_cache, name="dispatch")
class SettingsView(AdminPage, TemplateView):
    """One's own two-step sign-in: whether it is on, recovery codes left, new codes, passkeys."""

    template_name = "signin/settings.html"
    title = "Two-step sign-in"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return {
            **super().get_context_data(**kwargs),
            "enrolled": second_factor.is_enrolled(user),
            "required": second_factor.is_required(user),
            "codes_left": second_factor.recovery_codes_left(user),
            "passkeys_available": passkeys.available(self.request),
            "passkeys": passkeys.passkeys_of(user),
        }

    def post(self, request, *args, **kwargs):
        if not second_factor.is_enrolled(request.user):
            return redirect("admin:second_step_enrol")
        if "remove_passkey" in request.POST:
            if passkeys.remove_passkey(request.user, request.POST["remove_passkey"]):
                messages.success(request, "The passkey is removed.")
            return redirect("admin:second_step_settings")
        codes = second_factor.new_recovery_codes(request.user)
        return show_recovery_codes(request, self.admin_site, codes, reverse("admin:index"))
