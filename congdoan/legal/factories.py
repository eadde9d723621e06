import datetime

import factory

from .models import Area, DocumentType, Issuer, LegalDocument


class DocumentTypeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Loại văn bản {n}")

    class Meta:
        model = DocumentType
        django_get_or_create = ("name",)


class IssuerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Cơ quan {n}")

    class Meta:
        model = Issuer
        django_get_or_create = ("name",)


class AreaFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")

    class Meta:
        model = Area


class LegalDocumentFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: f"{n + 100}/2024/QĐ-TLĐ")
    document_type = factory.SubFactory(DocumentTypeFactory, name="Quyết định")
    issuer = factory.SubFactory(IssuerFactory, name="Tổng Liên đoàn Lao động Việt Nam")
    summary = "Về việc ban hành quy chế hoạt động của công đoàn cơ sở"
    issued_on = datetime.date(2024, 1, 15)

    class Meta:
        model = LegalDocument
        skip_postgeneration_save = True

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)
            self.save()
