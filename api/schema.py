"""The OpenAPI description of the API's endpoints (drf-spectacular)."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter
from rest_framework import generics

from api import serializers
from api.pagination import ID_SCHEMA, MODIFIED_FILTERS


class ApiSchema(AutoSchema):
    """Documents each view's filters and its error answers in the OpenAPI document."""

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        if not isinstance(self.view, generics.ListAPIView):
            if "pk" in self.path_regex:
                parameters.append(
                    OpenApiParameter(
                        "id", ID_SCHEMA, OpenApiParameter.PATH, description="Id-en."
                    )
                )
            return parameters
        for name, _lookup, edge in MODIFIED_FILTERS:
            parameters.append(
                OpenApiParameter(
                    name,
                    {"type": "string", "format": "date-time"},
                    description=(
                        f"Bare objekter endret {edge} dette tidspunktet "
                        "(ISO 8601, f.eks. 2024-01-31T12:00:00+01:00)."
                    ),
                )
            )
        for item in getattr(self.view, "filters", ()):
            parameters.append(
                OpenApiParameter(
                    item.name,
                    ID_SCHEMA if item.is_id else str,
                    description=item.description,
                )
            )
        return parameters

    def get_response_serializers(self):
        ok = super().get_response_serializers()
        if isinstance(self.view, generics.ListAPIView):
            return {
                200: ok,
                400: serializers.ErrorSerializer,
                404: serializers.ErrorSerializer,
            }
        return {200: ok, 404: serializers.ErrorSerializer}
