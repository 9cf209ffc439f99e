from django.urls import path

from membership import views

app_name = "membership"

urlpatterns = [
    path("apply/", views.apply, name="apply"),
    path("apply/received/", views.applied, name="applied"),
    path("certificates/", views.verify, name="verify_lookup"),
    path("certificates/<str:number>/", views.verify, name="verify"),
    path("certificates/<int:pk>/download/", views.certificate_pdf, name="certificate_pdf"),
    path("notices/<int:pk>/download/", views.notice_pdf, name="notice_pdf"),
    path("receipts/<int:pk>/download/", views.receipt_pdf, name="receipt_pdf"),
]
