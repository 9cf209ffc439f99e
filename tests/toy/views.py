from django.shortcuts import get_object_or_404, render

from tests.toy.models import Policy


def policy_list(request):
    return render(request, "toy/list.html", {"policies": Policy.objects.published()})


def policy_detail(request, pk):
    return render(request, "toy/detail.html", {"policy": get_object_or_404(Policy.objects.published(), pk=pk)})
