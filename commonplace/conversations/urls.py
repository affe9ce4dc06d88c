from django.urls import path

from commonplace.conversations import views

app_name = "conversations"

urlpatterns = [
    path("", views.spaces, name="spaces"),
    path("latest/", views.topic_list, name="latest"),
    path("moderation/", views.moderation_queue, name="moderation"),
    path("spaces/new/", views.space_edit, name="space-new"),
    path("spaces/<slug:space_slug>/edit/", views.space_edit, name="space-edit"),
    path("spaces/<slug:space_slug>/follow/", views.space_follow, name="space-follow"),
    # Short permalinks, used in notifications and emails: they survive new titles and moves.
    path("t/<int:topic_id>/", views.topic_link, name="topic-link"),
    path("t/<int:topic_id>/r/<int:number>/", views.reply_link, name="reply-link"),
    path("t/<int:topic_id>/unread/", views.first_unread, name="first-unread"),
    path("t/<int:topic_id>/reply/", views.reply_new, name="reply-new"),
    path("t/<int:topic_id>/edit/", views.topic_edit, name="topic-edit"),
    path("t/<int:topic_id>/history/", views.history, name="topic-history"),
    path("t/<int:topic_id>/follow/", views.topic_follow, name="topic-follow"),
    path("t/<int:topic_id>/flag/", views.flag, name="topic-flag"),
    path("t/<int:topic_id>/move/", views.move, name="topic-move"),
    path("t/<int:topic_id>/merge/", views.merge, name="topic-merge"),
    path("t/<int:topic_id>/split/", views.split, name="topic-split"),
    path("t/<int:topic_id>/files/<int:attachment_id>/", views.attachment, name="attachment"),
    path("t/<int:topic_id>/<slug:action>/", views.moderate, name="topic-moderate"),
    path("t/<int:topic_id>/r/<int:number>/edit/", views.reply_edit, name="reply-edit"),
    path("t/<int:topic_id>/r/<int:number>/delete/", views.reply_delete, name="reply-delete"),
    path("t/<int:topic_id>/r/<int:number>/history/", views.history, name="reply-history"),
    path("t/<int:topic_id>/r/<int:number>/accept/", views.accept, name="accept"),
    path("t/<int:topic_id>/r/<int:number>/react/", views.react, name="react"),
    path("t/<int:topic_id>/r/<int:number>/flag/", views.flag, name="reply-flag"),
    path("t/<int:topic_id>/r/<int:number>/<slug:action>/", views.moderate, name="reply-moderate"),
    path("<slug:space_slug>/", views.topic_list, name="space"),
    path("<slug:space_slug>/new/", views.topic_new, name="topic-new"),
    path("<slug:space_slug>/<int:topic_id>-<slug:slug>/", views.topic_detail, name="topic"),
]
