from django.urls import path

from commonplace.membership import views

app_name = "membership"

urlpatterns = [
    path("", views.join_form, name="join"),
    path("thanks/", views.join_thanks, name="thanks"),
    path("answer/", views.answer_form, name="answer-form"),
    path("answer/<str:token>/", views.answer_link, name="answer"),
    path("invitation/", views.invitation_accept, name="invitation-accept"),
    path("invitation/renew/", views.invitation_renew, name="invitation-renew"),
    path("invitation/<str:token>/", views.invitation_link, name="invitation"),
    path("profile/", views.onboarding_profile, name="onboarding-profile"),
    path("welcome/", views.welcome, name="welcome"),
    path("requests/", views.queue, name="queue"),
    path("requests/approve/", views.approve_several, name="approve-several"),
    path("requests/<int:pk>/", views.request_detail, name="request"),
    path(
        "requests/<int:pk>/<slug:action>/",
        views.request_action,
        name="request-action",
    ),
    path("wording/", views.wording, name="wording"),
    path("invite/", views.invite, name="invite"),
]
