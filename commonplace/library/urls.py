from django.urls import path

from commonplace.library.views import reading, sharing, stewarding

app_name = "library"

urlpatterns = [
    path("", reading.home, name="home"),
    path("browse/", reading.resource_list, name="list"),
    path("public/", reading.public_list, name="public"),
    path("new/", sharing.choose_kind, name="new"),
    path("new/<slug:kind>/", sharing.resource_new, name="new-kind"),
    path("from-conversation/<int:topic_id>/", sharing.from_topic, name="from-topic"),
    path("stewarding/", stewarding.stewarding, name="stewarding"),
    path("kinds/<slug:key>/edit/", stewarding.kind_edit, name="kind-edit"),
    path("collections/new/", stewarding.collection_edit, name="collection-new"),
    path("collections/<slug:slug>/", stewarding.collection, name="collection"),
    path("collections/<slug:slug>/edit/", stewarding.collection_edit, name="collection-edit"),
    # A short permalink, used in notifications and contributions: it survives a new title.
    path("r/<int:pk>/", reading.resource_link, name="resource-link"),
    path("<int:pk>-<slug:slug>/", reading.resource_detail, name="resource"),
    path("<int:pk>/edit/", sharing.resource_edit, name="resource-edit"),
    path("<int:pk>/publish/", sharing.publish, name="publish"),
    path("<int:pk>/archive/", sharing.archive, name="archive"),
    path("<int:pk>/public/", sharing.make_public, name="make-public"),
    path("<int:pk>/use/", sharing.use, name="use"),
    path("<int:pk>/unuse/", sharing.unuse, name="unuse"),
    path("<int:pk>/suggest/", sharing.suggest, name="suggest"),
    path("<int:pk>/suggestions/<int:suggestion_id>/", sharing.suggestion, name="suggestion"),
    path("<int:pk>/translation/", sharing.translation, name="translation"),
    path("<int:pk>/ask-translation/", sharing.ask_translation, name="ask-translation"),
    path("<int:pk>/comment/", sharing.comment, name="comment"),
    path("<int:pk>/collections/", stewarding.place, name="place"),
    path("<int:pk>/history/", reading.history, name="history"),
    path("<int:pk>/history/<int:number>/", reading.version, name="version"),
    path("<int:pk>/files/<int:file_id>/", reading.download, name="file"),
]
