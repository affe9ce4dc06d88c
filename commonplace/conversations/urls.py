from django.urls import path

from commonplace.conversations.views import moderating, spaces, topics

app_name = "conversations"

urlpatterns = [
    path("", spaces.spaces, name="spaces"),
    path("latest/", spaces.topic_list, name="latest"),
    path("moderation/", moderating.moderation_queue, name="moderation"),
    path("spaces/new/", spaces.space_edit, name="space-new"),
    path("spaces/<slug:space_slug>/edit/", spaces.space_edit, name="space-edit"),
    path("spaces/<slug:space_slug>/follow/", spaces.space_follow, name="space-follow"),
    # Short permalinks, used in notifications and emails: they survive new titles and moves.
    path("t/<int:topic_id>/", topics.topic_link, name="topic-link"),
    path("t/<int:topic_id>/r/<int:number>/", topics.reply_link, name="reply-link"),
    path("t/<int:topic_id>/unread/", topics.first_unread, name="first-unread"),
    path("t/<int:topic_id>/reply/", topics.reply_new, name="reply-new"),
    path("t/<int:topic_id>/edit/", topics.topic_edit, name="topic-edit"),
    path("t/<int:topic_id>/history/", topics.history, name="topic-history"),
    path("t/<int:topic_id>/follow/", topics.topic_follow, name="topic-follow"),
    path("t/<int:topic_id>/flag/", moderating.flag, name="topic-flag"),
    path("t/<int:topic_id>/move/", moderating.move, name="topic-move"),
    path("t/<int:topic_id>/merge/", moderating.merge, name="topic-merge"),
    path("t/<int:topic_id>/split/", moderating.split, name="topic-split"),
    path("t/<int:topic_id>/files/<int:attachment_id>/", topics.attachment, name="attachment"),
    path("t/<int:topic_id>/<slug:action>/", moderating.moderate, name="topic-moderate"),
    path("t/<int:topic_id>/r/<int:number>/edit/", topics.reply_edit, name="reply-edit"),
    path("t/<int:topic_id>/r/<int:number>/delete/", topics.reply_delete, name="reply-delete"),
    path("t/<int:topic_id>/r/<int:number>/history/", topics.history, name="reply-history"),
    path("t/<int:topic_id>/r/<int:number>/accept/", topics.accept, name="accept"),
    path("t/<int:topic_id>/r/<int:number>/react/", topics.react, name="react"),
    path("t/<int:topic_id>/r/<int:number>/flag/", moderating.flag, name="reply-flag"),
    path(
        "t/<int:topic_id>/r/<int:number>/<slug:action>/", moderating.moderate, name="reply-moderate"
    ),
    path("<slug:space_slug>/", spaces.topic_list, name="space"),
    path("<slug:space_slug>/new/", topics.topic_new, name="topic-new"),
    path("<slug:space_slug>/<int:topic_id>-<slug:slug>/", topics.topic_detail, name="topic"),
]
