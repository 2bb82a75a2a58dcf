from rest_framework import serializers

from governments.models import LocalGovernment


class LocalGovernmentSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = LocalGovernment
        fields = ["code", "name", "name_local", "tier", "parent", "population", "population_year", "is_active"]
