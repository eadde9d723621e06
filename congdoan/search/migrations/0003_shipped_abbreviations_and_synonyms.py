"""The abbreviations of union and labour-law texts and a starter set of synonyms, editable in
the admin afterwards; editors may manage both."""

from django.db import migrations

from congdoan.core.permissions import grant_to_editors
from congdoan.core.text import fold_tokens

ABBREVIATIONS = {
    "BHXH": ["bảo hiểm xã hội"],
    "BHYT": ["bảo hiểm y tế"],
    "BHTN": ["bảo hiểm thất nghiệp"],
    "LĐLĐ": ["Liên đoàn Lao động"],
    "TLĐ": ["Tổng Liên đoàn Lao động Việt Nam", "Tổng Liên đoàn"],
    "TLĐLĐVN": ["Tổng Liên đoàn Lao động Việt Nam"],
    "CĐCS": ["công đoàn cơ sở"],
    "CNVCLĐ": ["công nhân, viên chức, lao động"],
    "CNVC": ["công nhân viên chức"],
    "CNLĐ": ["công nhân lao động"],
    "ATVSLĐ": ["an toàn, vệ sinh lao động"],
    "ATLĐ": ["an toàn lao động"],
    "TNLĐ": ["tai nạn lao động"],
    "BNN": ["bệnh nghề nghiệp"],
    "KPCĐ": ["kinh phí công đoàn"],
    "HĐLĐ": ["hợp đồng lao động"],
    "NLĐ": ["người lao động"],
    "NSDLĐ": ["người sử dụng lao động"],
    "TƯLĐTT": ["thỏa ước lao động tập thể"],
    "UBND": ["Ủy ban nhân dân"],
    "HĐND": ["Hội đồng nhân dân"],
    "UBKT": ["Ủy ban Kiểm tra"],
    "MTTQ": ["Mặt trận Tổ quốc"],
    "KCN": ["khu công nghiệp"],
    "KCX": ["khu chế xuất"],
    "ĐVCĐ": ["đoàn viên công đoàn"],
    "BCH": ["Ban Chấp hành"],
    "LĐTBXH": ["Lao động - Thương binh và Xã hội"],
    "TPHCM": ["Thành phố Hồ Chí Minh"],
}

SYNONYMS = {
    "Tiền lương": ["tiền lương", "thu nhập", "lương"],
    "Người lao động": ["công nhân", "người lao động", "NLĐ"],
    "Nghỉ việc": ["nghỉ việc", "chấm dứt hợp đồng", "thôi việc"],
    "Doanh nghiệp": ["doanh nghiệp", "công ty"],
    "Thai sản": ["thai sản", "sinh con", "nghỉ đẻ"],
    "Làm thêm giờ": ["làm thêm giờ", "tăng ca"],
    "Nhà ở": ["nhà ở", "nhà trọ", "phòng trọ"],
    "Trợ cấp": ["trợ cấp", "hỗ trợ"],
    "Khen thưởng": ["khen thưởng", "tuyên dương", "biểu dương"],
    "Nghỉ hưu": ["nghỉ hưu", "hưu trí"],
    "Sa thải": ["sa thải", "đuổi việc"],
    "Thưởng Tết": ["thưởng Tết", "tiền thưởng"],
}


def ship(apps, schema_editor):
    abbreviation_model = apps.get_model("search", "Abbreviation")
    synonym_model = apps.get_model("search", "SynonymGroup")
    for short_form, expansions in ABBREVIATIONS.items():
        abbreviation_model.objects.get_or_create(
            key=fold_tokens(short_form)[0],
            defaults={"short_form": short_form, "expansions": "\n".join(expansions)},
        )
    for name, words in SYNONYMS.items():
        synonym_model.objects.get_or_create(name=name, defaults={"words": "\n".join(words)})
    grant_to_editors(apps, "search", ("Abbreviation", "SynonymGroup"))


def remove(apps, schema_editor):
    apps.get_model("search", "Abbreviation").objects.filter(
        key__in=[fold_tokens(short)[0] for short in ABBREVIATIONS]
    ).delete()
    apps.get_model("search", "SynonymGroup").objects.filter(name__in=SYNONYMS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_vocabulary_trigram_index"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(ship, remove)]
