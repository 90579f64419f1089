"""Test machinery shared by the whole suite: Qt message checks, leak checks, template stores."""
