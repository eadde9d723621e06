"""HomePage moved from news to core, keeping the site's home page.

core 0004 created core.HomePage (table core_homepage). Here each news home page row is copied
there and the content type news.homepage is relabelled core.homepage, so the page, its
revisions and everything that points to the content type follow; then news.HomePage goes.
Reversible: going back copies the rows and the label the other way.
"""

from django.db import migrations


def copy_home_page_rows(schema_editor, source, target):
    quote = schema_editor.quote_name
    schema_editor.execute(
        f"INSERT INTO {quote(target._meta.db_table)} ({quote('page_ptr_id')}) "
        f"SELECT {quote('page_ptr_id')} FROM {quote(source._meta.db_table)}"
    )


def relabel_content_type(apps, from_label, to_label):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    page_model = apps.get_model("wagtailcore", "Page")
    old = content_type_model.objects.filter(app_label=from_label, model="homepage").first()
    if old is None:
        return
    new = content_type_model.objects.filter(app_label=to_label, model="homepage").first()
    if new is not None:
        if page_model.objects.filter(content_type=new).exists():
            page_model.objects.filter(content_type=old).update(content_type=new)
            return
        new.delete()  # made by an earlier post_migrate, used by nothing
    old.app_label = to_label
    old.save(update_fields=["app_label"])


def home_page_to_core(apps, schema_editor):
    copy_home_page_rows(
        schema_editor, apps.get_model("news", "HomePage"), apps.get_model("core", "HomePage")
    )
    relabel_content_type(apps, "news", "core")


def home_page_back_to_news(apps, schema_editor):
    copy_home_page_rows(
        schema_editor, apps.get_model("core", "HomePage"), apps.get_model("news", "HomePage")
    )
    apps.get_model("core", "HomePage").objects.all()._raw_delete(schema_editor.connection.alias)
    relabel_content_type(apps, "core", "news")


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('core', '0004_home_page'),
        ('news', '0005_article_body_blocks_from_apps'),
    ]

    operations = [
        migrations.RunPython(home_page_to_core, home_page_back_to_news),
        migrations.DeleteModel(
            name='HomePage',
        ),
    ]
