# SPDX-License-Identifier: GPL-2.0
# kunit.py --qemu_config for a riscv64 kernel without an MMU: the options
# of the kernel's nommu_virt_defconfig that matter here, booted in machine
# mode straight from QEMU (-bios none: no firmware). The command line is
# not forced, so that kunit.py's own arguments reach the kernel.
from ..qemu_config import QemuArchParams

QEMU_ARCH = QemuArchParams(linux_arch='riscv',
			   kconfig='''
# CONFIG_MMU is not set
CONFIG_RISCV_M_MODE=y
CONFIG_NONPORTABLE=y
CONFIG_ARCH_VIRT=y
CONFIG_SMP=y
CONFIG_SERIAL_8250=y
CONFIG_SERIAL_8250_CONSOLE=y
CONFIG_SERIAL_OF_PLATFORM=y''',
			   qemu_arch='riscv64',
			   kernel_path='arch/riscv/boot/Image',
			   kernel_command_line='console=ttyS0',
			   extra_qemu_params=['-machine', 'virt', '-bios', 'none'])
