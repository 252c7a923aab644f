from django.contrib import admin


class NewsroomAdminSite(admin.AdminSite):
    site_header = "Opinion Blog newsroom"
    site_title = "Opinion Blog newsroom"
    index_title = "Dashboard"
