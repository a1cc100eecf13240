"""The Django web app: database of plans, targets and realisations, and the pages people read."""
