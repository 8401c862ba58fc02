import CamplanCLI

CamplanCommand.main()
