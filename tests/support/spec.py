"""The repository root, for tests that import it from here."""

from tools import ROOT as ROOT
