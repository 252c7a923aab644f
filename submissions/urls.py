from django.urls import path

from . import feeds, views

app_name = "submissions"

urlpatterns = [
    path("write-for-us/", views.WriteForUsView.as_view(), name="write"),
    path("write-for-us/op-ed/", views.OpEdSubmitView.as_view(), name="submit_op_ed"),
    path("write-for-us/letter/", views.LetterSubmitView.as_view(), name="submit_letter"),
    path("write-for-us/thanks/", views.ThanksView.as_view(), name="thanks"),
    path("write-for-us/challenge/", views.ChallengeView.as_view(), name="challenge"),
    path("write-for-us/confirm/<str:token>/", views.VerifyView.as_view(), name="verify"),
    path("write-for-us/withdraw/<str:token>/", views.WithdrawView.as_view(), name="withdraw"),
    path("write-for-us/sign-off/<str:token>/", views.SignOffView.as_view(), name="sign_off"),
    path("letters/", views.LettersView.as_view(), name="letters"),
    path("letters/feed/", feeds.LettersFeed(), name="letters_feed"),
    path("letters/feed/atom/", feeds.LettersAtomFeed(), name="letters_feed_atom"),
    path("letters/<str:day>/", views.LettersDayView.as_view(), name="letters_day"),
    path("privacy/", views.PrivacyView.as_view(), name="privacy"),
]
