from django.urls import path

from commonplace.people import views

app_name = "people"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("who-knows/", views.who_knows, name="who-knows"),
    path("suggest/", views.mention_suggest, name="suggest"),
    path("<int:user_id>/", views.member, name="member"),
    path("<int:user_id>/photo/", views.photo, name="photo"),
    path("<int:user_id>/contact/", views.contact, name="contact"),
    path("<int:user_id>/deactivate/", views.set_active, {"active": False}, name="deactivate"),
    path("<int:user_id>/reactivate/", views.set_active, {"active": True}, name="reactivate"),
    path("me/profile/", views.profile_edit, name="profile-edit"),
    path("me/photo/", views.photo_upload, name="photo-upload"),
    path("me/photo/remove/", views.photo_remove, name="photo-remove"),
    path("me/settings/", views.account_settings, name="settings"),
    path("me/consents/", views.consent_settings, name="consents"),
    path("me/data/", views.my_data, name="my-data"),
    path("me/data/<str:token>/", views.my_data_download, name="my-data-download"),
    path("me/delete/", views.delete_account, name="delete"),
    path("deleted/", views.account_deleted, name="deleted"),
]
