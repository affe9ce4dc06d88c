from django.urls import path

from commonplace.private_messages import views

app_name = "private_messages"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("new/", views.conversation_new, name="new"),
    path("<int:conversation_id>/", views.conversation, name="conversation"),
    # The permalink notifications and emails use: it finds the page the message is on.
    path("<int:conversation_id>/m/<int:number>/", views.message_link, name="message-link"),
    path("<int:conversation_id>/reply/", views.message_new, name="reply"),
    path("<int:conversation_id>/mute/", views.mute, name="mute"),
    path("<int:conversation_id>/leave/", views.leave, name="leave"),
]
