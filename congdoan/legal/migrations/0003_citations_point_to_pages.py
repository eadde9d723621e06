# A citation now points to any wagtailcore Page, not news.ArticlePage: legal no longer knows the
# news app. An article's id is its page's id, so renaming the column keeps every citation.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('legal', '0002_editors_manage_documents'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='documentcitation',
            name='legal_citation_unique',
        ),
        migrations.RenameField(
            model_name='documentcitation',
            old_name='article',
            new_name='page',
        ),
        migrations.AlterField(
            model_name='documentcitation',
            name='page',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='legal_citations', to='wagtailcore.page'),
        ),
        migrations.AddConstraint(
            model_name='documentcitation',
            constraint=models.UniqueConstraint(fields=('document', 'page'), name='legal_citation_unique'),
        ),
    ]
