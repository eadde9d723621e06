from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("table caption"), required=False, max_length=255)
    table = WagtailTableBlock(label=_("table"))

    class Meta:
        icon = "table"
        label = _("Table")
        template = "core/blocks/table.html"
