"""What the page header offers the person looking at it."""

from kinerja.web.performance.access import is_admin, roles_of
from kinerja.web.performance.models import Membership


def navigation(request):
    user = request.user
    if not getattr(user, "is_authenticated", False):
        return {"nav_import": False, "nav_admin": False}
    admin = is_admin(user)
    operator = any(m.role == Membership.Role.OPERATOR for m in roles_of(user))
    return {"nav_import": admin or operator, "nav_admin": admin}
